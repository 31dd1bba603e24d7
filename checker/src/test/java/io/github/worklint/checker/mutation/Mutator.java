package io.github.worklint.checker.mutation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Source-text mutations of a Java program, each a small edit that a user could make while
 * typing: most mutants still compile, many become wrong in ways a check has to look at, and some
 * are not Java at all (which javac, not a check, must reject).
 */
final class Mutator {

  /** One kind of edit; {@link #apply} answers null when the program has no place for it. */
  enum Operator {
    DROP_MODIFIER,
    ADD_MODIFIER,
    SWAP_TYPE_ARGUMENTS,
    CHANGE_TYPE_ARGUMENT,
    CHANGE_STRING_LITERAL,
    SWAP_RECEIVER_AND_ARGUMENT,
    SWAP_ARGUMENTS,
    REPLACE_IDENTIFIER,
    DELETE_STATEMENT,
    DUPLICATE_STATEMENT,
    MOVE_STATEMENT
  }

  private static final Pattern MODIFIER =
      Pattern.compile(
          "\\b(final|static|private|public|protected|abstract|volatile|synchronized|transient) ");
  private static final String[] MODIFIERS = {
    "final ", "static ", "private ", "public ", "protected ", "volatile ", "transient ",
    "synchronized ", "abstract "
  };
  private static final Pattern DECLARATION_START =
      Pattern.compile("(?m)^[ \\t]+(?=(?:private|public|protected|static|final|[A-Z]\\w*)\\b)");
  private static final Pattern TWO_TYPE_ARGUMENTS =
      Pattern.compile("<([\\w.]+(?:<[\\w.?, ]*>)?),\\s*([\\w.]+(?:<[\\w.?, ]*>)?)>");
  private static final Pattern TYPE_ARGUMENT = Pattern.compile("(?<=<)[A-Z][\\w.]*(?=[>,])");
  private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
  private static final Pattern RECEIVER_CALL =
      Pattern.compile("\\b([a-z]\\w*)\\.(\\w+)\\(([a-z]\\w*)\\)");
  private static final Pattern TWO_ARGUMENTS =
      Pattern.compile("\\(([\\w.\"]+(?:\\(\\))?),\\s*([\\w.\"]+(?:\\(\\))?)\\)");
  private static final Pattern IDENTIFIER = Pattern.compile("\\b[a-zA-Z_]\\w*\\b");
  private static final Pattern STATEMENT = Pattern.compile("(?m)^[ \\t]+[^/*\\s].*;[ \\t]*$");

  private final Random random;

  Mutator(long seed) {
    this.random = new Random(seed);
  }

  /** {@code source} with one to three edits, or the source itself if none applied. */
  String mutate(String source) {
    String mutant = source;
    // Mostly one edit, as a user types: a mutant that no longer compiles is not analysed.
    int edits = random.nextInt(10) < 7 ? 1 : 2 + random.nextInt(2);
    for (int i = 0; i < edits; i++) {
      for (int attempt = 0; attempt < 4; attempt++) {
        Operator op = Operator.values()[random.nextInt(Operator.values().length)];
        String next = apply(op, mutant);
        if (next != null && !next.equals(mutant)) {
          mutant = next;
          break;
        }
      }
    }
    return mutant;
  }

  String apply(Operator op, String s) {
    return switch (op) {
      case DROP_MODIFIER -> replaceOne(s, MODIFIER, m -> "");
      case ADD_MODIFIER -> replaceOne(s, DECLARATION_START, m -> m.group() + pick(MODIFIERS));
      case SWAP_TYPE_ARGUMENTS ->
          replaceOne(s, TWO_TYPE_ARGUMENTS, m -> "<" + m.group(2) + ", " + m.group(1) + ">");
      // Another type argument of the same program: Work<FlushPointer> becomes Work<ClosePointer>.
      case CHANGE_TYPE_ARGUMENT -> replaceOne(s, TYPE_ARGUMENT, m -> pickMatch(s, TYPE_ARGUMENT));
      case CHANGE_STRING_LITERAL -> replaceOne(s, STRING_LITERAL, m -> otherLiteral(s, m));
      case SWAP_RECEIVER_AND_ARGUMENT ->
          replaceOne(s, RECEIVER_CALL, m -> m.group(3) + "." + m.group(2) + "(" + m.group(1) + ")");
      case SWAP_ARGUMENTS ->
          replaceOne(s, TWO_ARGUMENTS, m -> "(" + m.group(2) + ", " + m.group(1) + ")");
      case REPLACE_IDENTIFIER -> replaceOne(s, IDENTIFIER, m -> sameKindIdentifier(s, m.group()));
      case DELETE_STATEMENT -> replaceOne(s, STATEMENT, m -> "");
      case DUPLICATE_STATEMENT -> replaceOne(s, STATEMENT, m -> m.group() + "\n" + m.group());
      case MOVE_STATEMENT -> moveStatement(s);
    };
  }

  private String otherLiteral(String s, MatchResult m) {
    return switch (random.nextInt(4)) {
      case 0 -> "\"\"";
      case 1 -> pickMatch(s, STRING_LITERAL);
      case 2 -> m.group().substring(0, m.group().length() - 1) + "x\"";
      default -> "\"" + pickMatch(s, IDENTIFIER) + "\"";
    };
  }

  /** A statement moved one to three statements up or down (far moves rarely compile). */
  private String moveStatement(String s) {
    List<MatchResult> statements = matches(s, STATEMENT);
    if (statements.size() < 2) {
      return null;
    }
    int from = random.nextInt(statements.size());
    int to = Math.floorMod(from + (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(3)), statements.size());
    MatchResult moved = statements.get(from);
    MatchResult other = statements.get(to);
    MatchResult first = from < to ? moved : other;
    MatchResult second = from < to ? other : moved;
    return s.substring(0, first.start()) + second.group() + s.substring(first.end(), second.start())
        + first.group() + s.substring(second.end());
  }

  /** Another identifier of the program, of the same case (a type for a type, a name for a name). */
  private String sameKindIdentifier(String s, String identifier) {
    boolean type = Character.isUpperCase(identifier.charAt(0));
    List<String> same =
        matches(s, IDENTIFIER).stream()
            .map(MatchResult::group)
            .filter(id -> Character.isUpperCase(id.charAt(0)) == type)
            .toList();
    return same.get(random.nextInt(same.size()));
  }

  private interface Replacement {
    String of(MatchResult m);
  }

  private String replaceOne(String s, Pattern pattern, Replacement replacement) {
    List<MatchResult> all = matches(s, pattern);
    if (all.isEmpty()) {
      return null;
    }
    MatchResult m = all.get(random.nextInt(all.size()));
    return s.substring(0, m.start()) + replacement.of(m) + s.substring(m.end());
  }

  private String pickMatch(String s, Pattern pattern) {
    List<MatchResult> all = matches(s, pattern);
    return all.isEmpty() ? "" : all.get(random.nextInt(all.size())).group();
  }

  private String pick(String[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static List<MatchResult> matches(String s, Pattern pattern) {
    List<MatchResult> all = new ArrayList<>();
    Matcher m = pattern.matcher(s);
    while (m.find()) {
      all.add(m.toMatchResult());
    }
    return all;
  }
}
