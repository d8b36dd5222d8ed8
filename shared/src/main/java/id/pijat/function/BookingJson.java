package id.pijat.function;

import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingStatus;
import id.pijat.model.booking.Cancellation;
import id.pijat.model.booking.JobProgress;
import id.pijat.model.booking.PriceList;
import id.pijat.model.booking.TherapistMatch;
import id.pijat.model.chat.ChatParticipant;
import id.pijat.usecase.CheckSearchStatus;
import id.pijat.usecase.CreateBooking;
import id.pijat.usecase.SearchTherapists;
import id.pijat.usecase.cleanup.CleanupSessions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Booking and TherapistMatch shapes the client reads (the README's "What the functions answer");
 * absent values are left out.
 */
public final class BookingJson {
  private BookingJson() {}

  public static Map<String, Object> created(CreateBooking.Created created) {
    Map<String, Object> json = booking(created.booking());
    if (created.token() != null) {
      json.put("bookingToken", created.token().value());
    }
    return json;
  }

  public static Map<String, Object> booking(Booking booking) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", booking.id());
    // a guest has no user: named as the chat names them, so the field the contract lists is there
    json.put("userId", booking.owner().isGuest() ? ChatParticipant.GUEST_PREFIX + booking.id() : booking.owner().userId());
    put(json, "therapistId", booking.therapistId());
    json.put("status", booking.status().code());
    json.put("serviceDuration", booking.request().duration().code());
    json.put("price", booking.request().price());
    json.put("currency", PriceList.CURRENCY);
    json.put("paymentStatus", booking.payment().status().code());
    if (booking.payment().refundDue()) {
      json.put("refundDue", true);
      json.put("refundDueAt", time(booking.payment().refundDueAt()));
    }
    json.put(
        "location",
        Map.of(
            "address", booking.request().location().address(),
            "coordinates",
                Map.of(
                    "lat", booking.request().location().coordinates().lat(),
                    "lng", booking.request().location().coordinates().lng())));
    json.put("mode", booking.mode().code());
    put(json, "scheduledAt", time(booking.request().scheduledAt()));
    put(json, "offerExpiresAt", time(booking.offerExpiresAt()));
    if (booking.therapist() != null) {
      // once accepted the therapist is this booking's, busy for anyone else
      json.put("therapist", therapist(booking.therapist(), booking.status() == BookingStatus.PENDING_ACCEPT));
    }
    if (booking.chat() != null) {
      json.put("chatRoomId", booking.chat().chatRoomId());
      json.put("chatSessionId", booking.chat().chatSessionId());
    }
    put(json, "startsAt", time(booking.startsAt()));
    put(json, "endsAt", time(booking.endsAt()));
    putJob(json, booking.job());
    json.put("createdAt", time(booking.createdAt()));
    json.put("updatedAt", time(booking.updatedAt()));
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("searchAttempts", booking.search().attempts());
    put(metadata, "lastSearchAt", time(booking.search().lastSearchAt()));
    Cancellation cancellation = booking.cancellation();
    if (cancellation != null) {
      metadata.put("cancellationReason", cancellation.reason());
      metadata.put("cancelledBy", cancellation.cancelledBy());
      metadata.put("cancelledAt", time(cancellation.cancelledAt()));
    }
    json.put("metadata", metadata);
    return json;
  }

  /** searchTherapists' answer: where the search stands, and the offer if there is one. */
  public static Map<String, Object> search(SearchTherapists.Outcome outcome) {
    Booking booking = outcome.booking();
    Map<String, Object> json = new LinkedHashMap<>();
    put(json, "searchId", outcome.searchId());
    json.put("bookingId", booking.id());
    json.put("status", booking.status().code());
    json.put("attempt", booking.search().attempts());
    json.put("maxAttempts", outcome.maxAttempts());
    if (booking.therapist() != null) {
      json.put("therapist", therapist(booking.therapist(), true));
    }
    put(json, "offerExpiresAt", time(booking.offerExpiresAt()));
    put(json, "nextRetryAt", time(booking.search().nextRetryAt()));
    return json;
  }

  /**
   * checkSearchStatus' answer, the client's TherapistSearchResult: success with the therapist while
   * an offer is open; otherwise when to look again, or the error that ended the search.
   *
   * @param searchId the client's tag, echoed; null answers the booking's own
   */
  public static Map<String, Object> searchStatus(CheckSearchStatus.Status status, String searchId) {
    Booking booking = status.booking();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("success", status.offerOpen());
    put(json, "searchId", searchId != null ? searchId : booking.search().searchId());
    json.put("bookingId", booking.id());
    json.put("status", booking.status().code());
    json.put("attempt", booking.search().attempts());
    if (status.offerOpen()) {
      json.put("therapist", therapist(booking.therapist(), true));
      json.put("offerExpiresAt", time(booking.offerExpiresAt()));
    }
    putJob(json, booking.job());
    if (status.ended() != null) {
      // a search that ended has no next round, whatever wait its last round left on the booking
      json.put("error", Map.of("code", status.ended().code().name(), "message", status.ended().getMessage()));
    } else {
      put(json, "nextRetryAt", time(booking.search().nextRetryAt()));
    }
    return json;
  }

  /** cleanupSessions' answer: the count of each duty, and whether the next run has more to do. */
  public static Map<String, Object> cleanup(CleanupSessions.Report report) {
    Map<String, Object> json = new LinkedHashMap<>(report.done());
    json.put("more", report.more());
    json.put("unfinished", report.unfinished());
    return json;
  }

  /** @param available whether the therapist is still to be had: on an open offer, not once engaged */
  public static Map<String, Object> therapist(TherapistMatch match, boolean available) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", match.id());
    json.put("name", match.name());
    json.put("photo", match.photo());
    json.put("rating", match.rating());
    json.put("distance", Math.round(match.distanceKm() * 10) / 10.0);
    json.put("eta", match.etaMinutes());
    json.put("specialties", match.specialties());
    json.put("isAvailable", available);
    if (match.location() != null) {
      json.put("location", Map.of("lat", match.location().lat(), "lng", match.location().lng()));
    }
    return json;
  }

  /**
   * The job as the therapist reported it (README, "The job: reportJobProgress"), absent until the
   * first report: {step, etaMinutes?, expectedArrivalAt?, arrivedAt?, sessionStartedAt?,
   * sessionEndedAt?, actualDuration? (minutes)}.
   */
  private static void putJob(Map<String, Object> json, JobProgress job) {
    if (job == null) {
      return;
    }
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("step", job.step().code());
    put(shown, "etaMinutes", job.etaMinutes());
    put(shown, "expectedArrivalAt", time(job.expectedArrivalAt()));
    put(shown, "arrivedAt", time(job.arrivedAt()));
    put(shown, "sessionStartedAt", time(job.sessionStartedAt()));
    put(shown, "sessionEndedAt", time(job.sessionEndedAt()));
    put(shown, "actualDuration", job.actualDurationMinutes());
    json.put("job", shown);
  }

  static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static void put(Map<String, Object> json, String name, Object value) {
    if (value != null) {
      json.put(name, value);
    }
  }
}
