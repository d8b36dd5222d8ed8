package id.pijat.usecase;

import id.pijat.availability.ProviderAvailability;
import id.pijat.model.therapist.Therapist;
import id.pijat.model.therapist.WeeklyHours;
import id.pijat.therapist.Therapists;
import java.time.Clock;

/**
 * setWeeklyHours (README, "Weekly hours"): the signed-in therapist replaces their whole week. The new
 * week's rows are written first under a version nobody names; pointing the therapist's document at
 * that version is the commit, a single write, so a search sees the old week or the new one and never
 * a mix. Older weeks are deleted after it; the one just replaced stays until the next edit, for a
 * search that read the therapist's document just before the flip.
 */
public final class SetWeeklyHours {
  private final Therapists therapists;
  private final ProviderAvailability availability;
  private final Clock clock;

  public SetWeeklyHours(Therapists therapists, ProviderAvailability availability, Clock clock) {
    this.therapists = therapists;
    this.availability = availability;
    this.clock = clock;
  }

  /** @return the week as it now stands */
  public WeeklyHours set(String userId, WeeklyHours week) {
    Therapist therapist = SetTherapistPresence.therapistOf(therapists, userId);
    ProviderAvailability.Written written = availability.write(therapist, week, clock.instant());
    therapists.pointAtWeek(therapist.id(), written.version());
    availability.deleteStale(written);
    return week;
  }
}
