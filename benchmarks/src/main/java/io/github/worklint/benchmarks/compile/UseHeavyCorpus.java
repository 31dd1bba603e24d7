package io.github.worklint.benchmarks.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;

/**
 * A generated corpus that uses worklint everywhere: every item class has three slots, each with
 * its record pointer, {@code HasWork} constant and {@code hasWork()}/{@code run()}, and methods
 * that enqueue, flush, cancel and cancelSync; every group of items has a driver that calls them
 * and enqueues pointers directly. All of it is correct code: worklint must report nothing.
 */
public final class UseHeavyCorpus {

  /** The size the benchmark compiles: 600 items, 1,800 slots and pointers. */
  public static final int DEFAULT_ITEMS = 600;

  /** Items per package; each package also has one driver. */
  public static final int GROUP = 50;

  static final String[] POINTERS = {"Flush", "Refresh", "Close"};

  private UseHeavyCorpus() {}

  /** The compilation units of a corpus of {@code items} items. */
  public static List<JavaFileObject> generate(int items) {
    List<JavaFileObject> units = new ArrayList<>();
    for (int group = 0; group * GROUP < items; group++) {
      int first = group * GROUP;
      int last = Math.min(items, first + GROUP);
      String pkg = String.format(Locale.ROOT, "corpus.g%02d", group);
      for (int i = first; i < last; i++) {
        units.add(unit(pkg, itemName(i), item(pkg, i)));
      }
      units.add(unit(pkg, "Driver", driver(pkg, first, last)));
    }
    return units;
  }

  static String itemName(int i) {
    return String.format(Locale.ROOT, "Item%04d", i);
  }

  private static JavaFileObject unit(String pkg, String className, String source) {
    return Sources.inMemory(pkg.replace('.', '/') + "/" + className + ".java", source);
  }

  private static String item(String pkg, int i) {
    String item = itemName(i);
    StringBuilder s = new StringBuilder();
    s.append("package ").append(pkg).append(";\n\n");
    s.append("import io.github.worklint.workqueue.HasWork;\n");
    s.append("import io.github.worklint.workqueue.Slot;\n");
    s.append("import io.github.worklint.workqueue.Work;\n");
    s.append("import io.github.worklint.workqueue.WorkItemPointer;\n");
    s.append("import io.github.worklint.workqueue.WorkQueue;\n");
    s.append("import java.lang.invoke.MethodHandles;\n\n");
    s.append("/** Generated item ").append(i).append(": three kinds of deferred work. */\n");
    s.append("public final class ").append(item).append(" {\n");
    for (String p : POINTERS) {
      s.append("  @Slot private final Work<").append(p).append("> ").append(field(p))
          .append(" = new Work<>();\n");
    }
    s.append("\n  private final WorkQueue queue;\n");
    s.append("  private final int id;\n");
    for (String p : POINTERS) {
      s.append("  private int ").append(counter(p)).append(";\n");
    }
    s.append("\n  public ").append(item).append("(WorkQueue queue) {\n");
    s.append("    this.queue = queue;\n");
    s.append("    this.id = ").append(i).append(";\n");
    s.append("  }\n\n");
    for (String p : POINTERS) {
      s.append("  public boolean request").append(p).append("() {\n");
      s.append("    return queue.enqueue(new ").append(p).append("(this));\n");
      s.append("  }\n\n");
    }
    s.append("  /** Waits for the pending flush and refresh. */\n");
    s.append("  public boolean sync() {\n");
    s.append("    boolean flushed = queue.flush(new Flush(this));\n");
    s.append("    return queue.flush(new Refresh(this)) || flushed;\n");
    s.append("  }\n\n");
    s.append("  /** Stops all three kinds of work. */\n");
    s.append("  public int stop() {\n");
    s.append("    int stopped = 0;\n");
    s.append("    if (queue.cancel(new Flush(this))) {\n");
    s.append("      stopped++;\n");
    s.append("    }\n");
    s.append("    if (queue.cancelSync(new Refresh(this))) {\n");
    s.append("      stopped++;\n");
    s.append("    }\n");
    s.append("    if (queue.cancelSync(new Close(this))) {\n");
    s.append("      stopped++;\n");
    s.append("    }\n");
    s.append("    return stopped;\n");
    s.append("  }\n\n");
    s.append("  public boolean isIdle() {\n");
    s.append("    return !flushWork.isPending() && !refreshWork.isPending()"
        + " && !closeWork.isPending();\n");
    s.append("  }\n\n");
    s.append("  public int total() {\n");
    s.append("    return id + flushes + refreshes + closes;\n");
    s.append("  }\n\n");
    s.append("  void doFlush() {\n");
    s.append("    flushes++;\n");
    s.append("  }\n\n");
    s.append("  void doRefresh() {\n");
    s.append("    refreshes++;\n");
    s.append("    if (refreshes % 16 == 0) {\n");
    s.append("      queue.enqueue(new Flush(this));\n");
    s.append("    }\n");
    s.append("  }\n\n");
    s.append("  void doClose() {\n");
    s.append("    closes++;\n");
    s.append("  }\n");
    for (String p : POINTERS) {
      s.append("\n  record ").append(p).append("(").append(item).append(" item)")
          .append(" implements WorkItemPointer<").append(item).append(", ").append(p)
          .append("> {\n");
      s.append("    static final HasWork<").append(item).append(", ").append(p)
          .append("> WORK =\n");
      s.append("        HasWork.of(MethodHandles.lookup(), ").append(item).append(".class, ")
          .append(p).append(".class, \"").append(field(p)).append("\");\n\n");
      s.append("    @Override\n");
      s.append("    public HasWork<").append(item).append(", ").append(p).append("> hasWork() {\n");
      s.append("      return WORK;\n");
      s.append("    }\n\n");
      s.append("    @Override\n");
      s.append("    public void run() {\n");
      switch (p) {
        case "Flush" -> s.append("      item.doFlush();\n");
        case "Refresh" -> {
          s.append("      item.queue.enqueue(new Flush(item));\n");
          s.append("      item.doRefresh();\n");
        }
        default -> {
          s.append("      item.queue.cancel(new Flush(item));\n");
          s.append("      item.queue.cancel(new Refresh(item));\n");
          s.append("      item.doClose();\n");
        }
      }
      s.append("    }\n");
      s.append("  }\n");
    }
    s.append("}\n");
    return s.toString();
  }

  private static String driver(String pkg, int first, int last) {
    StringBuilder s = new StringBuilder();
    s.append("package ").append(pkg).append(";\n\n");
    s.append("import io.github.worklint.workqueue.WorkQueue;\n\n");
    s.append("/** Generated driver of items ").append(first).append(" to ").append(last - 1)
        .append(". */\n");
    s.append("public final class Driver {\n");
    s.append("  private final WorkQueue queue;\n");
    for (int i = first; i < last; i++) {
      s.append("  private final ").append(itemName(i)).append(" ").append(var(i)).append(";\n");
    }
    s.append("\n  public Driver(WorkQueue queue) {\n");
    s.append("    this.queue = queue;\n");
    for (int i = first; i < last; i++) {
      s.append("    ").append(var(i)).append(" = new ").append(itemName(i)).append("(queue);\n");
    }
    s.append("  }\n\n");
    s.append("  /** Requests every kind of work of every item; returns how many were queued. */\n");
    s.append("  public int pump() {\n");
    s.append("    int queued = 0;\n");
    for (int i = first; i < last; i++) {
      for (String p : POINTERS) {
        s.append("    if (").append(var(i)).append(".request").append(p).append("()) {\n");
        s.append("      queued++;\n");
        s.append("    }\n");
      }
    }
    s.append("    return queued;\n");
    s.append("  }\n\n");
    s.append("  /** Queues the pointers directly, then waits for each flush. */\n");
    s.append("  public void flushAll() {\n");
    for (int i = first; i < last; i++) {
      String p = POINTERS[i % POINTERS.length];
      s.append("    queue.enqueue(new ").append(itemName(i)).append(".").append(p).append("(")
          .append(var(i)).append("));\n");
    }
    for (int i = first; i < last; i++) {
      String p = POINTERS[i % POINTERS.length];
      s.append("    queue.flush(new ").append(itemName(i)).append(".").append(p).append("(")
          .append(var(i)).append("));\n");
    }
    s.append("  }\n\n");
    s.append("  /** Stops every item, then waits for the queue. */\n");
    s.append("  public int stop() {\n");
    s.append("    int stopped = 0;\n");
    for (int i = first; i < last; i++) {
      s.append("    stopped += ").append(var(i)).append(".stop();\n");
      s.append("    queue.cancel(new ").append(itemName(i)).append(".Close(").append(var(i))
          .append("));\n");
    }
    s.append("    queue.flush();\n");
    s.append("    return stopped;\n");
    s.append("  }\n\n");
    s.append("  public long total() {\n");
    s.append("    long total = 0;\n");
    for (int i = first; i < last; i++) {
      s.append("    total += ").append(var(i)).append(".total();\n");
    }
    s.append("    return total;\n");
    s.append("  }\n");
    s.append("}\n");
    return s.toString();
  }

  private static String var(int i) {
    return String.format(Locale.ROOT, "item%04d", i);
  }

  private static String field(String pointer) {
    return pointer.toLowerCase(Locale.ROOT) + "Work";
  }

  private static String counter(String pointer) {
    return switch (pointer) {
      case "Flush" -> "flushes";
      case "Refresh" -> "refreshes";
      default -> "closes";
    };
  }
}
