package dev.safecollections.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Replaces the text between {@code <!-- name:begin -->} and {@code <!-- name:end -->} in a
 * file (the README), so that its tables come from the scripts that measure them.
 */
final class ReadmeSection {
  private ReadmeSection() {}

  static void replace(Path file, String name, String content) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String begin = "<!-- " + name + ":begin -->";
    String end = "<!-- " + name + ":end -->";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException(file + " has no " + begin + " ... " + end + " section");
    }
    String updated = text.substring(0, from + begin.length()) + "\n" + content.strip() + "\n"
        + text.substring(to);
    Files.writeString(file, updated, StandardCharsets.UTF_8);
    System.out.println("updated the " + name + " section of " + file);
  }
}
