import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The public-API check of one module, run by that module's own {@code verify} (the parent POM binds
 * it; {@code ./mvnw -pl sdk-core verify} runs it too). It dumps every public or protected
 * signature of the module's public types (outside {@code internal} packages) and compares the dump
 * with the committed {@code api/<module>.api}: any removal, addition or signature change fails the
 * build until the dump is regenerated on purpose with {@code -Dapi.update=true} and committed, so
 * API changes are visible in review.
 *
 * <p>Run with the source launcher: {@code java -cp <module class path> api/ApiDump.java
 * <classes dir or jar> <dump file> <update: true|false>}. Exit status 1 when the API differs;
 * {@code examples}' ApiCheckTest proves that a removed method fails it.
 */
public final class ApiDump {
  private ApiDump() {}

  public static void main(String[] args) throws Exception {
    Path classes = Path.of(args[0]);
    Path file = Path.of(args[1]);
    boolean update = args.length > 2 && Boolean.parseBoolean(args[2]);
    String actual = dump(classes);
    if (update) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      System.out.println("[api] wrote " + file);
      return;
    }
    String expected = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    if (expected.equals(actual)) {
      System.out.println("[api] public API matches " + file);
      return;
    }
    Set<String> was = new LinkedHashSet<>(expected.lines().toList());
    Set<String> now = new LinkedHashSet<>(actual.lines().toList());
    System.err.println("[api] The public API differs from " + file + ":");
    was.stream().filter(l -> !now.contains(l)).forEach(l -> System.err.println("  - " + l));
    now.stream().filter(l -> !was.contains(l)).forEach(l -> System.err.println("  + " + l));
    System.err.println(
        "[api] A removal or signature change breaks users' binaries. If the change is intended,"
            + " run ./mvnw -B verify -Dapi.update=true and commit " + file);
    System.exit(1);
  }

  /**
   * Every public type of the classes directory (or jar) outside internal packages, with its
   * members.
   */
  static String dump(Path location) throws IOException, ClassNotFoundException {
    if (Files.isDirectory(location)) {
      return walk(location);
    }
    try (FileSystem jar = FileSystems.newFileSystem(location, Map.of())) {
      return walk(jar.getPath("/"));
    }
  }

  private static String walk(Path root) throws IOException, ClassNotFoundException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(p -> p.endsWith(".class") && p.startsWith("io/payclient/"))
          .filter(p -> !p.contains("/internal/") && !p.endsWith("module-info.class"))
          .filter(p -> !p.endsWith("package-info.class"))
          .forEach(p -> names.add(p.substring(0, p.length() - 6).replace('/', '.')));
    }
    StringBuilder out = new StringBuilder();
    ClassLoader loader = ApiDump.class.getClassLoader();
    for (String name : new TreeSet<>(names)) {
      Class<?> type = Class.forName(name, false, loader);
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
