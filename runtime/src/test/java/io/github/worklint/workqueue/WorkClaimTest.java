package io.github.worklint.workqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The claim of a slot for a worker's batch, on its own: who owns the instance after each
 * compare-and-set, and that a worker holding a stale claim (stolen, queued again and claimed
 * anew) never starts the new instance.
 */
class WorkClaimTest {

  private final TestItem item = new TestItem();
  private final Work<TestItem.A> work = TestItem.A.WORK.workOf(item);

  private int claimPending() {
    assertTrue(work.tryMarkPending());
    work.acceptInstance(item.a());
    return work.claim();
  }

  @Test
  void aClaimedInstanceIsStillPendingAndItsWorkerStartsIt() {
    int tag = claimPending();
    assertTrue(work.isPending(), "a claimed instance is still pending");
    assertTrue(Work.isClaimed(work.state(), tag));
    assertEquals(Work.STARTED, work.startClaimed(tag));
    assertFalse(work.isPending());
    assertTrue(work.isRunning());
    assertEquals(work.queuedSeq(), work.runningSeq, "the claimed instance is the running one");
    assertFalse(Work.isClaimed(work.state(), tag), "starting ends the claim");
  }

  @Test
  void eachClaimHasANewTag() {
    int first = claimPending();
    assertTrue(work.stealClaim(first, false));
    int second = claimPending();
    assertNotEquals(first, second);
    assertEquals(Work.GONE, work.startClaimed(first), "a stale claim never starts");
    assertEquals(Work.STARTED, work.startClaimed(second));
  }

  @Test
  void aCancelStealsTheClaimAndConsumesTheToken() {
    int tag = claimPending();
    assertTrue(work.stealClaim(tag, false));
    assertFalse(work.isPending(), "the instance is gone");
    assertEquals(Work.GONE, work.startClaimed(tag), "the worker skips it");
    assertFalse(work.stealClaim(tag, false), "a claim is stolen once");
    assertTrue(work.tryMarkPending(), "the slot can be queued again at once");
  }

  @Test
  void modDelayedAndAGiveBackStealTheClaimAndKeepTheToken() {
    int tag = claimPending();
    assertTrue(work.stealClaim(tag, true));
    assertTrue(work.isPending(), "the token stays with the thief");
    assertFalse(work.tryMarkPending(), "so the slot is not queued twice");
    assertEquals(Work.GONE, work.startClaimed(tag));
  }

  @Test
  void anInstanceClaimedWhileItsSlotRunsIsHandedToThatRun() {
    int running = claimPending();
    assertEquals(Work.STARTED, work.startClaimed(running));
    int tag = claimPending(); // queued again during its run, and claimed by another worker
    assertEquals(Work.RUNNING_ELSEWHERE, work.startClaimed(tag));
    WorkQueue queue = WorkQueue.system();
    assertTrue(work.handOffClaimed(tag, queue));
    assertSame(queue, work.rerunFor);
    assertTrue((work.state() & Work.RERUN) != 0 && work.isPending());
    assertFalse(work.handOffClaimed(tag, queue), "handed off once");
  }
}
