package io.payclient.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The public API of every deployed module, compared with the dump committed in {@code api/}. A
 * change to a public or protected signature fails this test until the dump is regenerated with
 * {@code ./mvnw -B verify -Dapi.update=true} and committed, so API changes are visible in review.
 */
class PublicApiTest {
  private static final boolean UPDATE = Boolean.getBoolean("api.update");

  @ParameterizedTest
  @CsvSource({
    "sdk-core, io.payclient.core.Money",
    "sdk-lago, io.payclient.lago.LagoClient",
    "sdk-billingrails, io.payclient.billingrails.BillingrailsClient",
    "sdk-paygentic, io.payclient.paygentic.PaygenticClient",
    "sdk-testkit, io.payclient.testkit.FakeServer"
  })
  void publicApiMatchesTheCommittedDump(String module, String anchor) throws Exception {
    String actual = dump(Class.forName(anchor));
    Path file = Path.of("..", "api", module + ".api");
    if (UPDATE) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(file).as("api dump of " + module + " (run with -Dapi.update=true)").exists();
    assertThat(actual)
        .as(
            "The public API of %s changed. If that is intended, run ./mvnw -B verify"
                + " -Dapi.update=true and commit %s",
            module, file)
        .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Every public type of the anchor's jar outside internal packages, with its members. */
  static String dump(Class<?> anchor)
      throws IOException, URISyntaxException, ClassNotFoundException {
    Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(location)) {
      collect(location, names);
    } else {
      try (FileSystem jar = FileSystems.newFileSystem(location, Map.of())) {
        collect(jar.getPath("/"), names);
      }
    }
    StringBuilder out = new StringBuilder();
    for (String name : new TreeSet<>(names)) {
      Class<?> type = Class.forName(name, false, anchor.getClassLoader());
      if (!isApi(type)) {
        continue;
      }
      out.append(describe(type)).append('\n');
      TreeSet<String> members = new TreeSet<>();
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        if (visible(c.getModifiers())) {
          members.add("  " + c.toGenericString());
        }
      }
      for (Method m : type.getDeclaredMethods()) {
        if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
          members.add("  " + m.toGenericString());
        }
      }
      for (Field f : type.getDeclaredFields()) {
        if (visible(f.getModifiers()) && !f.isSynthetic()) {
          members.add("  " + f.toGenericString());
        }
      }
      members.forEach(m -> out.append(m).append('\n'));
    }
    return out.toString();
  }

  private static void collect(Path root, List<String> names) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      files
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(p -> p.endsWith(".class") && p.startsWith("io/payclient/"))
          .filter(p -> !p.contains("/internal/") && !p.endsWith("module-info.class"))
          .filter(p -> !p.endsWith("package-info.class"))
          .forEach(p -> names.add(p.substring(0, p.length() - 6).replace('/', '.')));
    }
  }

  private static boolean isApi(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
      if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass()) {
        return false;
      }
    }
    return true;
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static String describe(Class<?> type) {
    StringBuilder sb = new StringBuilder(type.toGenericString());
    if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class) {
      sb.append(" extends ").append(type.getGenericSuperclass().getTypeName());
    }
    var interfaces = type.getGenericInterfaces();
    if (interfaces.length > 0) {
      sb.append(" implements ");
      for (int i = 0; i < interfaces.length; i++) {
        sb.append(i == 0 ? "" : ", ").append(interfaces[i].getTypeName());
      }
    }
    return sb.toString();
  }
}
