package id.pijat.usecase;

import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.model.therapist.Presence;
import id.pijat.model.therapist.Therapist;
import id.pijat.therapist.Therapists;

/**
 * setTherapistPresence (README, "The therapist's side"): the signed-in therapist says whether they
 * take new offers and where they are. Presence decides only what a search offers next; an open offer
 * and an engagement belong to the locks and stay as they are.
 */
public final class SetTherapistPresence {
  private final Therapists therapists;

  public SetTherapistPresence(Therapists therapists) {
    this.therapists = therapists;
  }

  /** @return the therapist's own profile as it now stands */
  public Therapist set(String userId, Presence presence) {
    Therapist therapist = therapistOf(therapists, userId);
    return therapists.setPresence(therapist.id(), presence);
  }

  /** The therapist this signed-in user is; anyone else is refused, saying why. */
  static Therapist therapistOf(Therapists therapists, String userId) {
    if (userId == null) {
      throw new Rejection(ErrorCode.PERMISSION_DENIED, "Sign in as a therapist to do this.");
    }
    return therapists.ofUser(userId)
        .orElseThrow(() -> new Rejection(ErrorCode.PERMISSION_DENIED, "This account has no therapist profile."));
  }
}
