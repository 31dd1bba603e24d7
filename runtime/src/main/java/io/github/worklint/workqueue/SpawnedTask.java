package io.github.worklint.workqueue;

import java.lang.invoke.MethodHandles;

/** The item behind {@link WorkQueue#spawn}: one closure, one slot, queued once. */
final class SpawnedTask {

  @Slot private final Work<Run> work = new Work<>();
  private final Runnable body;

  SpawnedTask(Runnable body) {
    this.body = body;
  }

  Run pointer() {
    return new Run(this);
  }

  record Run(SpawnedTask item) implements WorkItemPointer<SpawnedTask, Run> {
    private static final HasWork<SpawnedTask, Run> WORK =
        HasWork.of(MethodHandles.lookup(), SpawnedTask.class, Run.class, "work");

    @Override
    public HasWork<SpawnedTask, Run> hasWork() {
      return WORK;
    }

    @Override
    public void run() {
      item.body.run();
    }
  }
}
