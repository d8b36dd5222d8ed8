package id.pijat.usecase;

import id.pijat.chat.Chats;
import id.pijat.hold.TherapistLocks;
import id.pijat.model.booking.Booking;
import id.pijat.store.Fanout;
import java.util.List;

/**
 * What follows a booking's completed version, whoever completed it: the therapist's report
 * (reportJobProgress) or cleanup's timer, its fallback. The customer's WhatsApp number leaves the
 * pair's session, which the therapist reads for good, and the therapist's locks are released; the
 * room stays open until its closing time, six hours after the appointment's end, for a last word.
 * Safe to repeat: a retry finishes what a call that died after its commit left.
 */
public final class Completion {
  private final TherapistLocks locks;
  private final Chats chats;
  private final Fanout fanout;

  public Completion(TherapistLocks locks, Chats chats, Fanout fanout) {
    this.locks = locks;
    this.chats = chats;
    this.fanout = fanout;
  }

  public void letGo(Booking completed) {
    fanout.run(List.of(() -> chats.forgetContact(completed), () -> locks.releaseAll(completed.id())));
  }
}
