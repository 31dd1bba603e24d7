package io.github.worklint.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableList;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * {@code flush(p)} or {@code cancelSync(p)} inside a pointer's own {@code run()}, where {@code p}
 * is the running slot (a {@code Work} or a {@code DelayedWork} one): {@code this}, or a new pointer
 * of the same type built from the running pointer's item. The wait would include the run that is
 * waiting; the runtime throws {@code IllegalStateException} (the kernel would deadlock).
 *
 * <p>Code in a lambda or in another class declared inside {@code run()} runs later or on another
 * thread, so it is not a self-wait; neither is a wait for another slot or another item.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A work item must not flush or cancelSync its own running slot from its run()",
    severity = ERROR,
    linkType = CUSTOM,
    link = WorkTypes.DOCS + "FlushFromOwnWork.md")
public final class FlushFromOwnWork extends BugChecker implements MethodInvocationTreeMatcher {

  private static final Matcher<ExpressionTree> SELF_WAIT =
      instanceMethod().onExactClass(WorkTypes.WORK_QUEUE).namedAnyOf("flush", "cancelSync");

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    if (tree.getArguments().size() != 1 || !WorkTypes.inScope(state)) {
      return Description.NO_MATCH;
    }
    if (!SELF_WAIT.matches(tree, state)) {
      return Description.NO_MATCH;
    }
    Places.Place place = Places.of(state.getPath());
    MethodSymbol run = place == null ? null : place.method();
    if (!Pointers.isRun(run, state)
        || !(run.owner instanceof ClassSymbol pointer)
        || !Pointers.isPointer(pointer, state)) {
      return Description.NO_MATCH;
    }
    MethodTree runTree = (MethodTree) place.code();
    ExpressionTree argument = tree.getArguments().get(0);
    if (!isRunningSlot(argument, pointer, runTree, state, 0)) {
      return Description.NO_MATCH;
    }
    return buildDescription(tree).setMessage(message(tree, pointer, state)).build();
  }

  /** Whether {@code argument} denotes the slot whose run is executing. */
  private static boolean isRunningSlot(
      ExpressionTree argument, ClassSymbol pointer, MethodTree run, VisitorState state, int depth) {
    ExpressionTree expression = ASTHelpers.stripParentheses(argument);
    if (isThis(expression, pointer)) {
      return true;
    }
    ExpressionTree item = Pointers.builtFrom(expression);
    if (item != null) {
      return ASTHelpers.getSymbol(((NewClassTree) expression).getIdentifier()) == pointer
          && isRunningItem(item, pointer);
    }
    if (expression instanceof IdentifierTree && depth < 4) {
      Symbol symbol = ASTHelpers.getSymbol(expression);
      if (symbol instanceof VarSymbol local
          && local.getKind() == ElementKind.LOCAL_VARIABLE
          && ASTHelpers.isConsideredFinal(local)) {
        ExpressionTree initializer = initializerOf(local, run);
        return initializer != null && isRunningSlot(initializer, pointer, run, state, depth + 1);
      }
    }
    return false;
  }

  /** {@code item}, {@code this.item}, {@code item()} or {@code this.item()} of the pointer. */
  private static boolean isRunningItem(ExpressionTree argument, ClassSymbol pointer) {
    ExpressionTree expression = ASTHelpers.stripParentheses(argument);
    if (expression instanceof MethodInvocationTree call) {
      if (!call.getArguments().isEmpty()) {
        return false;
      }
      expression = call.getMethodSelect();
    }
    if (expression instanceof MemberSelectTree select
        && !isThis(ASTHelpers.stripParentheses(select.getExpression()), pointer)) {
      return false;
    }
    Symbol symbol = ASTHelpers.getSymbol(expression);
    return symbol != null
        && symbol.owner == pointer
        && !symbol.isStatic()
        && symbol.getSimpleName().contentEquals("item");
  }

  private static boolean isThis(ExpressionTree expression, ClassSymbol pointer) {
    if (expression instanceof IdentifierTree identifier) {
      return identifier.getName().contentEquals("this");
    }
    if (expression instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals("this")) {
      return ASTHelpers.getSymbol(select.getExpression()) == pointer;
    }
    return false;
  }

  private static @Nullable ExpressionTree initializerOf(VarSymbol local, MethodTree run) {
    ExpressionTree[] found = new ExpressionTree[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree variable, Void unused) {
        if (ASTHelpers.getSymbol(variable) == local) {
          found[0] = variable.getInitializer();
        }
        return super.visitVariable(variable, unused);
      }
    }.scan(run.getBody(), null);
    return found[0];
  }

  private static String message(MethodInvocationTree call, ClassSymbol pointer, VisitorState state) {
    Symbol method = ASTHelpers.getSymbol(call);
    String operation = method == null ? "flush" : method.getSimpleName().toString();
    String p = pointer.getSimpleName().toString();
    Type item = Pointers.item(pointer.type, state);
    WorkTypes.Family family = WorkTypes.pointerFamily(pointer.type, state);
    String slot = item == null ? "its slot" : slotName(item, pointer, family, state);
    String again =
        family == WorkTypes.Family.DELAYED ? "re-arm with enqueueDelayed" : "re-queue with enqueue";
    return String.format(
        "%s.run() calls %s on its own running slot %s: the wait would include the run that is"
            + " waiting, so the worker would deadlock; the runtime throws IllegalStateException"
            + " instead. Let the run finish (%s if it must run again), or wait"
            + " from code outside %s.run().",
        p, operation, slot, again, p);
  }

  private static String slotName(
      Type item, ClassSymbol pointer, WorkTypes.Family family, VisitorState state) {
    if (!(item.tsym instanceof ClassSymbol itemClass)) {
      return "its slot";
    }
    ImmutableList<VarSymbol> slots = Slots.selectedBy(itemClass, pointer.type, state);
    String found =
        slots.size() == 1
            ? itemClass.getSimpleName() + "." + slots.get(0).getSimpleName()
            : null;
    return found != null
        ? found
        : family.slotOf(pointer.getSimpleName().toString()) + " of " + itemClass.getSimpleName();
  }
}
