package io.github.worklint.checker.testing;

import com.google.errorprone.bugpatterns.BugChecker;
import java.util.List;
import java.util.ServiceLoader;

/** The worklint checks as Error Prone finds them: through their AutoService registration. */
public final class Checks {

  private Checks() {}

  public static List<Class<? extends BugChecker>> all() {
    return ServiceLoader.load(BugChecker.class).stream()
        .map(ServiceLoader.Provider::type)
        .filter(type -> type.getPackageName().equals("io.github.worklint.checker"))
        .<Class<? extends BugChecker>>map(type -> type)
        .toList();
  }
}
