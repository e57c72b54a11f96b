package dev.replaytwin.deploy.manifests;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits the shell scripts of the manifests ({@code sh -c}) and of the workflow ({@code run:}) into
 * simple commands and words, the way POSIX sh would before expanding anything: quotes removed,
 * {@code $(...)} and {@code ${...}} kept as written inside their word, a backslash-newline joins
 * lines, comments dropped. {@code ; & | ( )} and newlines end a command. Enough to find every
 * {@code twin} command line and its arguments; it runs nothing.
 */
final class ShellWords {
  private final String text;
  private final List<List<String>> commands = new ArrayList<>();
  private List<String> command = new ArrayList<>();
  private final StringBuilder word = new StringBuilder();
  private boolean inWord;

  private ShellWords(String text) {
    this.text = text;
  }

  /** The simple commands of {@code script}, each a list of words; empty commands left out. */
  static List<List<String>> commands(String script) {
    ShellWords s = new ShellWords(script);
    s.scan();
    return s.commands;
  }

  /**
   * The arguments after {@code twin} when {@code words} runs twin ({@code twin}, {@code ./twin},
   * {@code path/twin}, {@code java -jar path/twin.jar}), after {@code exec} and {@code VAR=value}
   * prefixes.
   */
  static Optional<List<String>> twinArguments(List<String> words) {
    int i = 0;
    while (i < words.size() && (words.get(i).equals("exec") || words.get(i).matches("[A-Za-z_][A-Za-z0-9_]*=.*"))) {
      i++;
    }
    if (i >= words.size()) {
      return Optional.empty();
    }
    String program = words.get(i);
    if (program.equals("twin") || program.endsWith("/twin")) {
      return Optional.of(List.copyOf(words.subList(i + 1, words.size())));
    }
    if (program.equals("java") && i + 2 < words.size() && words.get(i + 1).equals("-jar")
        && words.get(i + 2).endsWith("twin.jar")) {
      return Optional.of(List.copyOf(words.subList(i + 3, words.size())));
    }
    return Optional.empty();
  }

  private void scan() {
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        if (text.charAt(i + 1) != '\n') {
          append(text.charAt(i + 1));
        }
        i += 2;
      } else if (c == '\'') {
        int end = text.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated ' in: " + text);
        }
        inWord = true;
        word.append(text, i + 1, end);
        i = end + 1;
      } else if (c == '"') {
        i = doubleQuoted(i + 1);
      } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
        int end = substitutionEnd(i + 2);
        inWord = true;
        word.append(text, i, end);
        i = end;
      } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        int end = text.indexOf('}', i);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated ${ in: " + text);
        }
        inWord = true;
        word.append(text, i, end + 1);
        i = end + 1;
      } else if (c == '#' && !inWord) {
        int end = text.indexOf('\n', i);
        i = end < 0 ? text.length() : end;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        endWord();
        i++;
      } else if (c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')') {
        endCommand();
        i++;
      } else if (c == '<' || c == '>') {
        endWord();
        int j = i;
        while (j < text.length() && (text.charAt(j) == '<' || text.charAt(j) == '>')) {
          j++;
        }
        command.add(text.substring(i, j));
        i = j;
      } else {
        append(c);
        i++;
      }
    }
    endCommand();
  }

  /** Reads a double-quoted string starting after its quote; returns the index after the closing quote. */
  private int doubleQuoted(int from) {
    inWord = true;
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < text.length() && "$`\"\\\n".indexOf(text.charAt(i + 1)) >= 0) {
        if (text.charAt(i + 1) != '\n') {
          word.append(text.charAt(i + 1));
        }
        i += 2;
      } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
        int end = substitutionEnd(i + 2);
        word.append(text, i, end);
        i = end;
      } else {
        word.append(c);
        i++;
      }
    }
    throw new IllegalArgumentException("unterminated \" in: " + text);
  }

  /** The index after the {@code )} closing a {@code $(} whose body starts at {@code from}; quotes nest. */
  private int substitutionEnd(int from) {
    int depth = 1;
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '\'') {
        int end = text.indexOf('\'', i + 1);
        i = end < 0 ? text.length() : end + 1;
        continue;
      }
      if (c == '"') {
        i = quotedEnd(i + 1);
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i + 1;
      }
      i++;
    }
    throw new IllegalArgumentException("unterminated $( in: " + text);
  }

  /** The index after the {@code "} closing a double-quoted string inside a substitution. */
  private int quotedEnd(int from) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '"') {
        return i + 1;
      } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
        i = substitutionEnd(i + 2);
      } else {
        i++;
      }
    }
    throw new IllegalArgumentException("unterminated \" in: " + text);
  }

  private void append(char c) {
    inWord = true;
    word.append(c);
  }

  private void endWord() {
    if (inWord) {
      command.add(word.toString());
      word.setLength(0);
      inWord = false;
    }
  }

  private void endCommand() {
    endWord();
    if (!command.isEmpty()) {
      commands.add(List.copyOf(command));
      command = new ArrayList<>();
    }
  }
}
