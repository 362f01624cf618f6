import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the typed shells over the single-threaded table (six primitive maps, two primitive
 * sets) and the three lists over a ring buffer from the templates beside this file, as
 * fastutil does for its own types. Run by the build in generate-sources as a single-file
 * program: {@code java GenerateShells.java <templates> <out>}.
 *
 * <p>Templates use {@code ${name}} for substitutions and lines {@code #if flag}, {@code #else},
 * {@code #end} (nestable) for variant-specific code; flags are {@code objectKey},
 * {@code objectValue} and {@code generic} (either).
 */
public final class GenerateShells {
  private static final Pattern TOKEN = Pattern.compile("\\$\\{(\\w+)}");
  private static final String TABLES = "dev/safecollections/internal/table/";
  private static final String RINGS = "dev/safecollections/internal/ring/";

  private GenerateShells() {}

  public static void main(String[] args) throws IOException {
    Path templates = Path.of(args[0]);
    Path out = Path.of(args[1]).resolve(TABLES);
    Path rings = Path.of(args[1]).resolve(RINGS);
    Files.createDirectories(out);
    Files.createDirectories(rings);
    String map = Files.readString(templates.resolve("TableMap.java.in"));
    String set = Files.readString(templates.resolve("TableSet.java.in"));
    String list = Files.readString(templates.resolve("RingList.java.in"));
    String[][] maps = {{"Long", "Long"}, {"Long", "Object"}, {"Int", "Int"}, {"Int", "Object"},
        {"Object", "Long"}, {"Object", "Int"}};
    for (String[] kv : maps) {
      Map<String, String> vars = mapVariables(kv[0], kv[1]);
      write(out.resolve("Table" + vars.get("KV") + "Map.java"), expand(map, vars, flags(kv)));
    }
    for (String k : new String[] {"Long", "Int"}) {
      Map<String, String> vars = new LinkedHashMap<>();
      vars.put("K", k);
      vars.put("k", k.toLowerCase());
      vars.put("pkg", k.toLowerCase() + "s");
      write(out.resolve("Table" + k + "Set.java"), expand(set, vars, Set.of()));
    }
    for (String k : new String[] {"Object", "Long", "Int"}) {
      Map<String, String> vars = listVariables(k);
      write(rings.resolve(vars.get("Name") + ".java"),
          expand(list, vars, k.equals("Object") ? Set.of("objects") : Set.of()));
    }
  }

  private static Map<String, String> listVariables(String k) {
    boolean objects = k.equals("Object");
    String p = k.toLowerCase();
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("Name", objects ? "RingList" : "Ring" + k + "List");
    vars.put("TP", objects ? "<E>" : "");
    vars.put("Base", objects ? "AbstractList<E>" : "Abstract" + k + "List");
    vars.put("Iface", objects ? "BoundedList<E>" : "Bounded" + k + "List");
    vars.put("T", objects ? "E" : p);
    vars.put("A", objects ? "Object" : p);
    vars.put("get", objects ? "get" : "get" + k);
    vars.put("remove", objects ? "remove" : "remove" + k);
    vars.put("LI", objects ? "ListIterator<E>" : k + "ListIterator");
    vars.put("next", objects ? "next" : "next" + k);
    vars.put("previous", objects ? "previous" : "previous" + k);
    vars.put("cast", objects ? "(E) " : "");
    vars.put("pkg", p + "s");
    vars.put("K", k);
    return vars;
  }

  private static Map<String, String> mapVariables(String k, String v) {
    boolean objectKey = k.equals("Object");
    boolean objectValue = v.equals("Object");
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("KV", k + "2" + v);
    vars.put("TP", objectKey ? "<K>" : objectValue ? "<V>" : "");
    vars.put("KT", objectKey ? "K" : k.toLowerCase());
    vars.put("VT", objectValue ? "V" : v.toLowerCase());
    vars.put("KQ", objectKey ? "Object" : k.toLowerCase());
    vars.put("KA", k.toLowerCase() + "Keys");
    vars.put("VA", v.toLowerCase() + "Values");
    vars.put("Kk", k);
    vars.put("Vk", v);
    vars.put("Vn", v);
    vars.put("lk", k.toLowerCase());
    vars.put("get", objectKey ? "get" + v : "get");
    vars.put("remove", objectKey ? "remove" + v : "remove");
    vars.put("CK", objectKey ? "(K) " : "");
    vars.put("CV", objectValue ? "(V) " : "");
    vars.put("BK", k.equals("Int") ? "Integer" : k);
    vars.put("BV", v.equals("Int") ? "Integer" : v);
    vars.put("KB", objectKey ? "K" : k.equals("Int") ? "Integer" : k);
    vars.put("VB", objectValue ? "V" : v.equals("Int") ? "Integer" : v);
    vars.put("pkg", k.toLowerCase() + "s");
    return vars;
  }

  private static Set<String> flags(String[] kv) {
    boolean objectKey = kv[0].equals("Object");
    boolean objectValue = kv[1].equals("Object");
    Set<String> flags = new java.util.HashSet<>();
    if (objectKey) {
      flags.add("objectKey");
    }
    if (objectValue) {
      flags.add("objectValue");
    }
    if (objectKey || objectValue) {
      flags.add("generic");
    }
    return flags;
  }

  /** Applies the {@code #if} blocks, then the substitutions; an unknown token is an error. */
  static String expand(String template, Map<String, String> vars, Set<String> flags) {
    StringBuilder result = new StringBuilder();
    Deque<Boolean> active = new ArrayDeque<>();
    active.push(true);
    for (String line : template.split("\n", -1)) {
      String directive = line.trim();
      if (directive.startsWith("#if ")) {
        String flag = directive.substring(4).trim();
        boolean negated = flag.startsWith("!");
        boolean holds = flags.contains(negated ? flag.substring(1) : flag) != negated;
        active.push(active.peek() && holds);
      } else if (directive.equals("#else")) {
        boolean branch = active.pop();
        active.push(active.peek() && !branch);
      } else if (directive.equals("#end")) {
        active.pop();
      } else if (active.peek()) {
        result.append(line).append('\n');
      }
    }
    if (active.size() != 1) {
      throw new IllegalStateException("unbalanced #if in template");
    }
    Matcher m = TOKEN.matcher(result.substring(0, result.length() - 1));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = vars.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("unknown token ${" + m.group(1) + "} in template");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    return m.appendTail(out).toString();
  }

  private static void write(Path file, String content) throws IOException {
    if (!Files.exists(file) || !Files.readString(file).equals(content)) {
      Files.writeString(file, content);
    }
  }
}
