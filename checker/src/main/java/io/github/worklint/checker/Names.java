package io.github.worklint.checker;

import com.google.errorprone.fixes.SuggestedFixes;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Type;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one way the checks print types and classes in messages: simple names as a reader writes
 * them ({@code Work<Flush>}, {@code Ptr<Connection>}), and nouns with the right article.
 */
final class Names {

  private Names() {}

  /** {@code type} with simple names; "?" when there is none. */
  static String type(@Nullable Type type) {
    return type == null ? "?" : SuggestedFixes.prettyType(null, null, type);
  }

  /** The simple name of a class, or "the anonymous X" for an anonymous class implementing X. */
  static String of(@Nullable Symbol symbol) {
    if (!(symbol instanceof ClassSymbol type)) {
      return symbol == null ? "?" : symbol.getSimpleName().toString();
    }
    if (!type.isAnonymous()) {
      return type.getSimpleName().toString();
    }
    List<Type> interfaces = type.getInterfaces();
    return "the anonymous " + type(!interfaces.isEmpty() ? interfaces.get(0) : type.getSuperclass());
  }

  /** "a Flush", "an Announce", "an item": the noun with its indefinite article. */
  static String a(String noun) {
    return (startsWithVowel(noun) ? "an " : "a ") + noun;
  }

  /** {@link #a} of a type's printed name. */
  static String a(@Nullable Type type) {
    return a(type(type));
  }

  private static boolean startsWithVowel(String noun) {
    return !noun.isEmpty() && "AEIOUaeiou".indexOf(noun.charAt(0)) >= 0;
  }
}
