package io.github.worklint.benchmarks.runtime;

import io.github.worklint.workqueue.HasWork;
import io.github.worklint.workqueue.Slot;
import io.github.worklint.workqueue.Work;
import io.github.worklint.workqueue.WorkItemPointer;
import java.lang.invoke.MethodHandles;

/** A worklint work item with one slot; its run counts itself. */
final class Job {

  @Slot private final Work<Run> work = new Work<>();

  /** Written only by runs, which never overlap for one slot; read after a flush. */
  long runs;

  /** The preallocated pointer: enqueueing it allocates nothing. */
  final Run pointer = new Run(this);

  boolean isPending() {
    return work.isPending();
  }

  record Run(Job item) implements WorkItemPointer<Job, Run> {
    static final HasWork<Job, Run> WORK =
        HasWork.of(MethodHandles.lookup(), Job.class, Run.class, "work");

    @Override
    public HasWork<Job, Run> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      item.runs++;
    }
  }
}
