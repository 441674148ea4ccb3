package io.payclient.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A hostile HTTP/1.1 server on 127.0.0.1 written on raw sockets, so that it can send what no
 * well-behaved library would: malformed status lines, a wrong {@code Content-Length}, truncated or
 * oversized bodies, resets, echoed secrets, stalls. Each request is read whole (headers, then the
 * body by its {@code Content-Length}), recorded, and answered with the {@link Reply} the {@link
 * Responder} chooses. Every connection has its own daemon thread, so stalled replies do not block
 * others.
 */
final class ScriptedServer implements AutoCloseable {
  /** How a reply ends once its bytes are written. */
  enum End {
    /** Keep the connection for the next request (HTTP keep-alive). */
    KEEP,
    /** Close normally (FIN). */
    CLOSE,
    /** Reset (RST): SO_LINGER 0, then close. */
    RESET,
    /** Hold the connection open, sending nothing more, until the client gives up. */
    HANG
  }

  /**
   * One answer. {@code head} is written after {@code headDelayMs}; {@code body} after a further
   * {@code bodyDelayMs}. A {@code null} head writes nothing at all (then {@code end} applies).
   */
  record Reply(byte[] head, byte[] body, int headDelayMs, int bodyDelayMs, End end) {
    static Reply of(int status, String contentType, String body, String... headers) {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      StringBuilder h = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
      if (contentType != null) {
        h.append("Content-Type: ").append(contentType).append("\r\n");
      }
      h.append("Content-Length: ").append(b.length).append("\r\n");
      for (String header : headers) {
        h.append(header).append("\r\n");
      }
      h.append("\r\n");
      return new Reply(h.toString().getBytes(StandardCharsets.ISO_8859_1), b, 0, 0, End.KEEP);
    }

    static Reply json(int status, String body, String... headers) {
      return of(status, "application/json", body, headers);
    }

    Reply withEnd(End e) {
      return new Reply(head, body, headDelayMs, bodyDelayMs, e);
    }

    Reply withDelay(int headMs) {
      return new Reply(head, body, headMs, bodyDelayMs, end);
    }

    /** The status code of the head as OkHttp's status-line parser would read it, or -1. */
    int parsedStatus() {
      if (head == null) {
        return -1;
      }
      String s = new String(head, StandardCharsets.ISO_8859_1);
      int eol = s.indexOf('\n');
      String line = eol < 0 ? s : s.substring(0, eol);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (!line.matches("HTTP/1\\.[01] [0-9]{3}( .*)?")) {
        return -1;
      }
      return Integer.parseInt(line.substring(9, 12));
    }
  }

  /** A request as the server read it, and what it was answered. */
  static final class Recorded {
    final String method;
    final String target;
    final Map<String, String> headers;
    final byte[] body;
    final long receivedNanos;
    volatile Reply reply;
    volatile long headWrittenNanos = -1;

    Recorded(String method, String target, Map<String, String> headers, byte[] body) {
      this.method = method;
      this.target = target;
      this.headers = headers;
      this.body = body;
      this.receivedNanos = System.nanoTime();
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String path() {
      int q = target.indexOf('?');
      return q < 0 ? target : target.substring(0, q);
    }

    @Override
    public String toString() {
      return method + " " + target;
    }
  }

  /** Chooses the reply to the {@code index}-th request (0-based). */
  interface Responder {
    Reply reply(Recorded request, int index);
  }

  private static final int MAX_HEAD = 64 * 1024;
  private static final int MAX_BODY = 4 * 1024 * 1024;
  private static final int HANG_MS = 5_000;

  private final ServerSocket server;
  private final Responder responder;
  private final Thread acceptor;
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Object lock = new Object();
  private int count;
  private volatile boolean closed;

  ScriptedServer(Responder responder) throws IOException {
    this.responder = responder;
    this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "scripted-server-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A server answering each request with the next reply of the list, the last one repeated. */
  static ScriptedServer scripted(List<Reply> replies) throws IOException {
    List<Reply> copy = List.copyOf(replies);
    return new ScriptedServer((r, i) -> copy.get(Math.min(i, copy.size() - 1)));
  }

  int port() {
    return server.getLocalPort();
  }

  String url() {
    return "http://127.0.0.1:" + port();
  }

  List<Recorded> requests() {
    return Collections.unmodifiableList(new ArrayList<>(requests));
  }

  private void acceptLoop() {
    while (!closed) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        return;
      }
      open.add(s);
      Thread t = new Thread(() -> serve(s), "scripted-conn");
      t.setDaemon(true);
      t.start();
    }
  }

  private void serve(Socket s) {
    try (s) {
      s.setSoTimeout(HANG_MS);
      s.setTcpNoDelay(true);
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      while (!closed) {
        Recorded req = readRequest(in);
        if (req == null) {
          return;
        }
        int index;
        synchronized (lock) {
          index = count++;
        }
        requests.add(req);
        Reply reply = responder.reply(req, index);
        req.reply = reply;
        sleep(reply.headDelayMs());
        if (reply.head() != null) {
          out.write(reply.head());
          out.flush();
          req.headWrittenNanos = System.nanoTime();
          sleep(reply.bodyDelayMs());
          if (reply.body() != null && reply.body().length > 0) {
            out.write(reply.body());
            out.flush();
          }
        }
        switch (reply.end()) {
          case KEEP -> {}
          case CLOSE -> {
            return;
          }
          case RESET -> {
            s.setSoLinger(true, 0);
            return;
          }
          case HANG -> {
            // Wait until the client closes (read returns -1 or fails) or HANG_MS passes.
            try {
              while (in.read() >= 0) {
                // discard
              }
            } catch (IOException ignored) {
              // timeout or reset: done
            }
            return;
          }
        }
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      open.remove(s);
    }
  }

  private static Recorded readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0;
    while (state < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      if (head.size() > MAX_HEAD) {
        return null;
      }
      state =
          (b == '\r' && (state == 0 || state == 2))
              ? state + 1
              : (b == '\n' && (state == 1 || state == 3)) ? state + 1 : (b == '\r' ? 1 : 0);
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    String[] start = lines[0].split(" ");
    if (start.length < 2) {
      return null;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int c = lines[i].indexOf(':');
      if (c > 0) {
        headers.put(
            lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(c + 1).trim());
      }
    }
    int length = 0;
    String cl = headers.get("content-length");
    if (cl != null) {
      length = Math.min(Integer.parseInt(cl), MAX_BODY);
    }
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      return null; // incomplete: never processed
    }
    return new Recorded(start[0], start[1], headers, body);
  }

  private static void sleep(int ms) {
    if (ms > 0) {
      try {
        TimeUnit.MILLISECONDS.sleep(ms);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing
      }
    }
    try {
      acceptor.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
