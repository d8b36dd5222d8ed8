package id.pijat.hold;

import java.time.Instant;
import java.util.List;

/** Steps the lock tests take that production code takes only as part of a larger one. */
final class HoldSteps {
  private HoldSteps() {}

  /** Engages a free time slot as an acceptance does, from the head read just before. */
  static boolean engageFree(Holds holds, String slot, String bookingId, Instant until) {
    return holds.engageEach(List.of(slot), bookingId, until, holds.heads(List.of(slot))).contains(slot);
  }
}
