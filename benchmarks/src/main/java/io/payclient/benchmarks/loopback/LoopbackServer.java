package io.payclient.benchmarks.loopback;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The fast loopback server, run in its own JVM so that the client JVM's CPU time holds only client
 * work. A blocking {@link ServerSocket} on 127.0.0.1 (random port), one thread per connection
 * (threads are reused across connections), {@code TCP_NODELAY}, HTTP/1.1 keep-alive. It reads the
 * request head and its body ({@code Content-Length} or chunked) and answers with one write of
 * precomputed bytes (head and body) chosen by method and path, so it answers in microseconds and
 * never waits on a delayed ACK.
 *
 * <p>Arguments: routes {@code METHOD /path=status=resource}, the resource under {@code canned/}.
 * Prints {@code port=N} on stdout once listening, and exits when its stdin closes (the harness
 * ended or died). Unknown routes get a 404, which makes every client under test fail loudly.
 */
public final class LoopbackServer {
  private static final int MAX_HEAD = 64 * 1024;

  private final Map<String, byte[]> routes;
  private final byte[] notFound;

  private LoopbackServer(Map<String, byte[]> routes) {
    this.routes = routes;
    this.notFound = response(404, "{\"error\":\"no such route\"}".getBytes(StandardCharsets.UTF_8));
  }

  public static void main(String[] args) throws IOException {
    Map<String, byte[]> routes = new HashMap<>();
    for (String arg : args) {
      String[] parts = arg.split("=", 3);
      routes.put(parts[0], response(Integer.parseInt(parts[1]), resource(parts[2])));
    }
    LoopbackServer server = new LoopbackServer(routes);
    ServerSocket listener = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> server.accept(listener), "loopback-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    System.out.println("port=" + listener.getLocalPort());
    System.out.flush();
    while (System.in.read() >= 0) {
      // the harness never writes; end of stream means it is gone
    }
    System.exit(0);
  }

  private void accept(ServerSocket listener) {
    ExecutorService connections =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "loopback-conn");
              t.setDaemon(true);
              return t;
            });
    while (true) {
      Socket socket;
      try {
        socket = listener.accept();
        socket.setTcpNoDelay(true);
      } catch (IOException e) {
        return;
      }
      connections.execute(() -> serve(socket));
    }
  }

  /** Answers requests on one keep-alive connection until the client closes it. */
  private void serve(Socket socket) {
    try (socket) {
      Input in = new Input(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      byte[] head = new byte[MAX_HEAD];
      while (true) {
        int n = in.readHead(head);
        if (n < 0) {
          return;
        }
        Head h = Head.parse(head, n);
        if (h.chunked) {
          in.skipChunked();
        } else {
          in.skip(h.contentLength);
        }
        out.write(routes.getOrDefault(h.route, notFound));
        out.flush();
        if (h.close) {
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      // the client went away, or sent something this server does not speak: drop the connection
    }
  }

  /** An unsynchronized buffered reader of one connection. */
  private static final class Input {
    private final InputStream in;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int limit;

    Input(InputStream in) {
      this.in = in;
    }

    private boolean fill() throws IOException {
      int n = in.read(buf, 0, buf.length);
      if (n <= 0) {
        return false;
      }
      pos = 0;
      limit = n;
      return true;
    }

    private int read() throws IOException {
      if (pos == limit && !fill()) {
        return -1;
      }
      return buf[pos++] & 0xff;
    }

    /** Reads up to and including the blank line; the head's length, or -1 at end of stream. */
    int readHead(byte[] head) throws IOException {
      int n = 0;
      while (true) {
        if (pos == limit && !fill()) {
          if (n == 0) {
            return -1;
          }
          throw new IOException("truncated head");
        }
        while (pos < limit) {
          if (n == head.length) {
            throw new IOException("head too large");
          }
          byte b = buf[pos++];
          head[n++] = b;
          if (b == '\n'
              && n >= 4
              && head[n - 2] == '\r'
              && head[n - 3] == '\n'
              && head[n - 4] == '\r') {
            return n;
          }
        }
      }
    }

    void skip(long length) throws IOException {
      long left = length;
      while (left > 0) {
        if (pos == limit && !fill()) {
          throw new IOException("truncated body");
        }
        int step = (int) Math.min(left, limit - pos);
        pos += step;
        left -= step;
      }
    }

    void skipChunked() throws IOException {
      while (true) {
        String line = readLine();
        int semi = line.indexOf(';');
        long size = Long.parseLong((semi < 0 ? line : line.substring(0, semi)).trim(), 16);
        if (size == 0) {
          while (!readLine().isEmpty()) {
            // trailers
          }
          return;
        }
        skip(size);
        readLine();
      }
    }

    private String readLine() throws IOException {
      StringBuilder s = new StringBuilder();
      int b;
      while ((b = read()) != '\n') {
        if (b < 0) {
          throw new IOException("truncated chunk");
        }
        if (b != '\r') {
          s.append((char) b);
        }
      }
      return s.toString();
    }
  }

  /** The precomputed bytes of a whole response. */
  static byte[] response(int status, byte[] body) {
    String reason =
        switch (status) {
          case 200 -> "OK";
          case 201 -> "Created";
          case 404 -> "Not Found";
          default -> "Status";
        };
    byte[] head =
        ("HTTP/1.1 "
                + status
                + " "
                + reason
                + "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }

  static byte[] resource(String name) {
    try (InputStream in = LoopbackServer.class.getResourceAsStream("/canned/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource canned/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the server needs from a request head. */
  private record Head(String route, long contentLength, boolean chunked, boolean close) {
    static Head parse(byte[] head, int n) throws IOException {
      String text = new String(head, 0, n, StandardCharsets.ISO_8859_1);
      int lineEnd = text.indexOf("\r\n");
      String[] requestLine = text.substring(0, lineEnd).split(" ");
      if (requestLine.length != 3) {
        throw new IOException("bad request line");
      }
      String target = requestLine[1];
      int query = target.indexOf('?');
      String route = requestLine[0] + " " + (query < 0 ? target : target.substring(0, query));
      long contentLength = 0;
      boolean chunked = false;
      boolean close = requestLine[2].equals("HTTP/1.0");
      int at = lineEnd + 2;
      while (at < n - 2) {
        int end = text.indexOf("\r\n", at);
        int colon = text.indexOf(':', at);
        if (colon > at && colon < end) {
          String name = text.substring(at, colon).trim().toLowerCase(Locale.ROOT);
          String value = text.substring(colon + 1, end).trim();
          switch (name) {
            case "content-length" -> contentLength = Long.parseLong(value);
            case "transfer-encoding" ->
                chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            case "connection" -> close = value.equalsIgnoreCase("close");
            default -> {}
          }
        }
        at = end + 2;
      }
      return new Head(route, contentLength, chunked, close);
    }
  }
}
