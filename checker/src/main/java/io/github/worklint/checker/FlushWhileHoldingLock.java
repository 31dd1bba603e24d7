package io.github.worklint.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;

/**
 * A wait for a slot's run ({@code flush(p)}, {@code cancelSync(p)}, or {@code flush()}, {@code
 * drain()}, {@code close()} of a queue the unit enqueues the pointer on) while holding a lock that
 * the waited-for pointer type's {@code run()} also takes: the run blocks on the lock, the wait on
 * the run. The kernel's {@code flush_work}-under-lock deadlock, which lockdep finds only at run
 * time. The analyses are {@link HeldLocks}, {@link RunLocks} and {@link WaitedPointers}.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A work item must not be waited for while holding a lock that its run() takes",
    severity = ERROR,
    linkType = CUSTOM,
    link = WorkTypes.DOCS + "FlushWhileHoldingLock.md")
public final class FlushWhileHoldingLock extends BugChecker
    implements MethodInvocationTreeMatcher {

  /** A waiting method of WorkQueue: a slot wait takes the pointer, a queue wait takes nothing. */
  private record Wait(String name, boolean slot, Matcher<ExpressionTree> matcher) {
    Wait(String name, boolean slot) {
      this(name, slot, instanceMethod().onExactClass(WorkTypes.WORK_QUEUE).named(name));
    }

    boolean matches(MethodInvocationTree call, VisitorState state) {
      return call.getArguments().size() == (slot ? 1 : 0) && matcher.matches(call, state);
    }
  }

  /** The waits; a delayed slot is waited for by the same methods, so they cover both families. */
  private static final ImmutableList<Wait> WAITS = ImmutableList.of(
      new Wait("flush", true),
      new Wait("cancelSync", true),
      new Wait("flush", false),
      new Wait("drain", false),
      new Wait("close", false));

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    Wait wait = null;
    for (Wait candidate : WAITS) {
      if (candidate.matches(tree, state)) {
        wait = candidate;
        break;
      }
    }
    if (wait == null || !WorkTypes.inScope(state)) {
      return Description.NO_MATCH;
    }
    try {
      return match(wait, tree, state);
    } catch (Symbol.CompletionFailure e) {
      return Description.NO_MATCH; // a class the analysis needs is missing from the class path
    }
  }

  private Description match(Wait wait, MethodInvocationTree tree, VisitorState state) {
    ImmutableSet<LockRef> held = HeldLocks.at(state.getPath(), state);
    if (held.isEmpty()) {
      return Description.NO_MATCH;
    }
    ExpressionTree queue = HeldLocks.receiver(tree);
    ImmutableList<WaitedPointers.Waited> waited = wait.slot()
        ? WaitedPointers.ofSlotWait(tree.getArguments().get(0), state.getPath(), state)
        : WaitedPointers.ofQueueWait(queue, state.getPath(), state);
    for (WaitedPointers.Waited pointer : waited) {
      for (RunLocks.Taken taken : RunLocks.of(pointer.pointer(), state)) {
        LockRef lock = taken.lock().seenFrom(pointer.item());
        if (lock != null && held.contains(lock)) {
          return buildDescription(tree)
              .setMessage(message(wait, queue, pointer.pointer(), lock, taken, state))
              .build();
        }
      }
    }
    return Description.NO_MATCH;
  }

  private static String message(Wait wait, ExpressionTree queue, ClassSymbol pointer,
      LockRef lock, RunLocks.Taken taken, VisitorState state) {
    String p = pointer.getSimpleName().toString();
    String what = wait.slot()
        ? String.format("%s(p) of slot %s (pointer type %s)", wait.name(), slot(pointer, state), p)
        : String.format("%s() of queue %s, where %s is queued,", wait.name(), queueName(queue), p);
    return String.format(
        "%s is called while holding %s, which %s.run() also takes (%s): the run blocks on the"
            + " lock and the wait on the run, a deadlock (the runtime throws"
            + " IllegalStateException). Wait after releasing the lock.",
        what, lock.describe(), p, taken.where());
  }

  /** "Connection.queue", "queue" (a local) or "WorkQueue.system()". */
  private static String queueName(ExpressionTree queue) {
    return ASTHelpers.getSymbol(queue) instanceof VarSymbol variable
        ? (variable.getKind() == javax.lang.model.element.ElementKind.FIELD
            ? variable.owner.getSimpleName() + "." + variable.getSimpleName()
            : variable.getSimpleName().toString())
        : "WorkQueue.system()";
  }

  /** "Connection.flushWork": the item's slot whose pointer type is {@code pointer}. */
  private static String slot(ClassSymbol pointer, VisitorState state) {
    Type item = Pointers.item(pointer.type, state);
    if (item != null && item.tsym instanceof ClassSymbol itemClass) {
      VarSymbol field = Slots.selectedBy(itemClass, pointer.type, state).stream()
          .findFirst().orElse(null);
      if (field != null) {
        return itemClass.getSimpleName() + "." + field.getSimpleName();
      }
    }
    return "the slot of " + pointer.getSimpleName();
  }


}
