package io.github.worklint.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.ClassTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * A {@code WorkItemPointer<T, P>} implementation that is not a newtype. The pointer type selects
 * both the slot (and so its pending state) and the code that runs, so it must be exactly one
 * class, holding exactly its item, that is its own {@code P}:
 *
 * <ul>
 *   <li>a record or a final class: the subclasses of an open or abstract class, or the constants
 *       of an enum, would share one slot while running different code;
 *   <li>its state is one component (record) or one final instance field (class) of type {@code
 *       T}: anything more is silently dropped when an enqueue finds the slot already pending; a
 *       non-static inner class also holds its enclosing instance, which counts as state (and is
 *       accepted as the item when it is the only state and is a {@code T});
 *   <li>{@code P} is the class itself: otherwise {@code hasWork()} returns another pointer type's
 *       descriptor and every enqueue throws;
 *   <li>not generic, and {@code T} mentions no type variable: one class would stand for slots of
 *       different item types, and {@code HasWork.of} rejects every slot of a parameterized
 *       pointer type;
 *   <li>not raw: a class that implements {@code WorkItemPointer} without type arguments is not
 *       within the bound of {@code Work}, so no slot can be declared for it that {@code
 *       HasWork.of} accepts.
 * </ul>
 *
 * <p>Interfaces are not flagged: they are how several pointer types share code. The constants of
 * an enum are reported once, on the enum; an anonymous class is always flagged, since it can
 * never be its own {@code P}. The fix adds {@code final} to a non-final, non-abstract class when
 * that is its only problem and no subclass of it is in the same file.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A WorkItemPointer must be a newtype: a record or final class holding only its item, whose"
            + " pointer type P is itself",
    severity = ERROR,
    linkType = CUSTOM,
    link = WorkTypes.DOCS + "WorkPointerNotNewtype.md")
public final class WorkPointerNotNewtype extends BugChecker implements ClassTreeMatcher {

  @Override
  public Description matchClass(ClassTree tree, VisitorState state) {
    if (!WorkTypes.inScope(state)) {
      return Description.NO_MATCH;
    }
    if (tree.getKind() == Tree.Kind.INTERFACE || tree.getKind() == Tree.Kind.ANNOTATION_TYPE) {
      return Description.NO_MATCH;
    }
    ClassSymbol pointer = ASTHelpers.getSymbol(tree);
    if (!Slots.complete(pointer, state)) {
      return Description.NO_MATCH;
    }
    boolean anonymous = pointer.isAnonymous();
    if (!anonymous && tree.getExtendsClause() == null && tree.getImplementsClause().isEmpty()) {
      return Description.NO_MATCH;
    }
    Type superclass = pointer.getSuperclass();
    if (anonymous && superclass != null && superclass.tsym != null && superclass.tsym.isEnum()) {
      // The body of an enum constant: reported once, on the enum.
      return Description.NO_MATCH;
    }
    Type asPointer = Pointers.supertype(pointer.type, state);
    boolean raw = asPointer == null && Pointers.implementsRaw(pointer.type, state);
    if (asPointer == null && !raw) {
      return Description.NO_MATCH;
    }
    @Nullable Type item = asPointer == null ? null : asPointer.getTypeArguments().get(0);
    @Nullable Type self = asPointer == null ? null : asPointer.getTypeArguments().get(1);
    String name = Names.of(pointer);

    List<String> problems = new ArrayList<>();
    boolean onlyNotFinal = false;
    boolean ownsNoSlot = false;
    if (anonymous) {
      problems.add(
          self == null
              ? "it is anonymous and implements WorkItemPointer raw, so no slot can ever be"
                  + " declared for it"
              : "it is anonymous, so it can never be its own pointer type P (here "
                  + Names.type(self) + "): hasWork() returns "
                  + Names.type(self) + "'s descriptor and enqueue throws"
                  + " IllegalArgumentException for it");
    } else {
      String shape = shapeProblem(pointer);
      if (shape != null) {
        problems.add(shape);
        onlyNotFinal = shape.startsWith(NOT_FINAL);
      }
      // An abstract class is reported as such; its type parameters only matter through its
      // subclasses, which are checked on their own.
      boolean isAbstract = (pointer.flags() & (Flags.ABSTRACT | Flags.ENUM)) == Flags.ABSTRACT;
      String generic = isAbstract ? null : genericProblem(pointer, item);
      if (generic != null) {
        problems.add(generic);
      }
      // An enum's constants are its state; its one problem is being an enum.
      String stateProblem =
          (pointer.flags() & Flags.ENUM) != 0 ? null : stateProblem(pointer, item, state);
      if (stateProblem != null) {
        problems.add(stateProblem);
      }
      if (raw) {
        problems.add(
            "it implements WorkItemPointer raw, so it is not within the bound of Work<P>: no"
                + " Work<" + name + "> slot can be declared, and HasWork.of rejects any other");
      } else if (self != null
          && self.tsym != pointer
          && !(self.hasTag(TypeTag.TYPEVAR) && !pointer.getTypeParameters().isEmpty())) {
        String q = Names.type(self);
        ownsNoSlot = true;
        problems.add(
            "its pointer type P is " + q + ", not " + name + " itself: hasWork() returns " + q
                + "'s descriptor, so enqueue throws IllegalArgumentException for every " + name
                + " (it would run in " + q + "'s slot)");
      }
    }
    if (problems.isEmpty()) {
      return Description.NO_MATCH;
    }
    Description.Builder description =
        buildDescription(tree)
            .setMessage(
                name + " is not a pointer newtype: " + String.join("; ", problems) + ". "
                    + newtypeAdvice(pointer, item, anonymous, ownsNoSlot));
    if (problems.size() == 1 && onlyNotFinal) {
      Optional<SuggestedFix> fix = addFinal(tree, pointer, state);
      fix.ifPresent(description::addFix);
    }
    return description.build();
  }

  private static final String NOT_FINAL = "it is neither a record nor final";

  private static @Nullable String shapeProblem(ClassSymbol pointer) {
    long flags = pointer.flags();
    if ((flags & Flags.ENUM) != 0) {
      return "it is an enum, so all its constants are one pointer type with one slot: a second"
          + " constant enqueued while the first is pending returns false and never runs (and a"
          + " constant with a body is rejected at enqueue)";
    }
    if (ASTHelpers.isRecord(pointer)) {
      return null;
    }
    String name = Names.of(pointer);
    if ((flags & Flags.ABSTRACT) != 0) {
      return "it is abstract, so the pointers are instances of its subclasses: several classes"
          + " with different run() behind one pointer type and slot";
    }
    if ((flags & Flags.FINAL) == 0) {
      return NOT_FINAL + ", so a subclass with its own run() would claim " + name
          + "'s slot (enqueue throws IllegalArgumentException for it)";
    }
    return null;
  }

  private static @Nullable String genericProblem(ClassSymbol pointer, @Nullable Type item) {
    if (!pointer.getTypeParameters().isEmpty()) {
      return "it is generic (" + Names.type(pointer.type) + "), so one pointer class"
          + " stands for slots of different item types, and HasWork.of rejects every slot of a"
          + " parameterized pointer type";
    }
    if (Pointers.mentionsTypeVariable(item)) {
      return "its item type " + Names.type(item) + " depends on a type variable,"
          + " so one pointer class stands for slots of different item types, and HasWork.of"
          + " rejects every such slot";
    }
    return null;
  }

  private static @Nullable String stateProblem(
      ClassSymbol pointer, @Nullable Type item, VisitorState state) {
    boolean isRecord = ASTHelpers.isRecord(pointer);
    List<Pointers.Part> parts = Pointers.state(pointer, state);
    String itemName = item == null ? "item" : Names.type(item);
    String kind = isRecord ? "component" : "instance field";
    if (parts.isEmpty()) {
      return "it has no " + kind + " holding its " + itemName;
    }
    if (parts.size() > 1) {
      return "it holds more than its item ("
          + parts.stream().map(Pointers.Part::description).collect(Collectors.joining(", "))
          + "): an enqueue that finds the slot pending returns false and drops the rest of that"
          + " pointer's state";
    }
    Pointers.Part only = parts.get(0);
    if (!only.isFinal()) {
      return "its " + only.description() + " is not final: reassigning it while the pointer is"
          + " queued makes run() work on another item than the one whose slot was queued";
    }
    if (item != null && !WorkTypes.sameType(only.type(), item, state)) {
      return "its " + only.description() + " is " + Names.a(only.type())
          + ", not its item type " + itemName;
    }
    return null;
  }

  private static String newtypeAdvice(
      ClassSymbol pointer, @Nullable Type item, boolean anonymous, boolean ownsNoSlot) {
    if ((pointer.flags() & Flags.ENUM) != 0) {
      return "Declare one record per constant instead, each holding only the item, with its own"
          + " Work slot.";
    }
    if (!anonymous && item != null && !Pointers.mentionsTypeVariable(item)) {
      String t = Names.type(item);
      String p = pointer.getSimpleName().toString();
      return "Declare it as record " + p + "(" + t + " item) implements WorkItemPointer<" + t
          + ", " + p + ">" + (ownsNoSlot ? ", with its own Work<" + p + "> slot in " + t : "")
          + ".";
    }
    return "Declare one record per item type and slot, holding only the item, e.g. record"
        + " Flush(Connection item) implements WorkItemPointer<Connection, Flush>.";
  }

  private static Optional<SuggestedFix> addFinal(
      ClassTree tree, ClassSymbol pointer, VisitorState state) {
    Set<Modifier> modifiers = tree.getModifiers().getFlags();
    if (modifiers.contains(Modifier.SEALED) || modifiers.contains(Modifier.NON_SEALED)
        || hasSubclassInFile(pointer, state)) {
      return Optional.empty();
    }
    return SuggestedFixes.addModifiers(tree, state, Modifier.FINAL);
  }

  private static boolean hasSubclassInFile(ClassSymbol pointer, VisitorState state) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree node, Void unused) {
        Type superclass = ASTHelpers.getSymbol(node).getSuperclass();
        if (superclass != null && superclass.tsym == pointer) {
          found[0] = true;
        }
        return super.visitClass(node, null);
      }
    }.scan(state.getPath().getCompilationUnit(), null);
    return found[0];
  }
}
