package id.pijat.model.therapist;

import id.pijat.model.geo.Coordinates;
import java.util.List;

/**
 * What a therapist says of themselves: whether they take new offers, and where they are now (null
 * when they say only their status and stay where they were).
 */
public record Presence(String status, Coordinates position) {
  public static final String AVAILABLE = Therapist.AVAILABLE;
  public static final String BUSY = "busy";
  public static final String OFFLINE = "offline";
  /** The values of the `status` attribute (appwrite.json): only `available` is offered by a search. */
  public static final List<String> STATUSES = List.of(AVAILABLE, BUSY, OFFLINE);

  public Presence {
    requireStatus(status);
  }

  /** The rule for a status, for readers that name the field themselves. */
  public static String requireStatus(String status) {
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException("must be available, busy or offline");
    }
    return status;
  }
}
