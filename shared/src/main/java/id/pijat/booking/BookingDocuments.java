package id.pijat.booking;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingRequest;
import id.pijat.model.booking.BookingStatus;
import id.pijat.model.booking.Cancellation;
import id.pijat.model.booking.CustomerDetails;
import id.pijat.model.booking.JobProgress;
import id.pijat.model.booking.JobStep;
import id.pijat.model.booking.Location;
import id.pijat.model.booking.Owner;
import id.pijat.model.booking.Payment;
import id.pijat.model.booking.PaymentStatus;
import id.pijat.model.booking.PriceList;
import id.pijat.model.booking.SearchProgress;
import id.pijat.model.booking.ServiceDuration;
import id.pijat.model.booking.TherapistMatch;
import id.pijat.model.booking.WhatsAppNumber;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.Document;
import id.pijat.store.DocumentTimes;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;

/** Booking ↔ the attributes of a `bookings` document (and the snapshot kept with each version). */
final class BookingDocuments {
  private static final Gson GSON = new Gson();
  private static final Type MAP = new TypeToken<Map<String, Object>>() {}.getType();

  private BookingDocuments() {}

  static Map<String, Object> toData(Booking booking) {
    BookingRequest request = booking.request();
    Map<String, Object> data = new HashMap<>();
    data.put("userId", booking.owner().userId());
    data.put("guestTokenHash", booking.owner().guestTokenHash());
    data.put("customerName", request.customer().name());
    data.put("customerWhatsApp", request.customer().whatsapp().value());
    data.put("serviceDuration", request.duration().code());
    data.put("price", request.price());
    data.put("currency", PriceList.CURRENCY);
    data.put("address", request.location().address());
    data.put("lat", request.location().coordinates().lat());
    data.put("lng", request.location().coordinates().lng());
    data.put("mode", request.mode().code());
    data.put("scheduledAt", DocumentTimes.format(request.scheduledAt()));
    data.put("status", booking.status().code());
    data.put("therapistId", booking.therapistId());
    data.put("therapist", booking.therapist() == null ? null : GSON.toJson(booking.therapist()));
    data.put("therapistUserId", booking.therapistUserId());
    data.put("offerExpiresAt", DocumentTimes.format(booking.offerExpiresAt()));
    SearchProgress search = booking.search();
    data.put("searchId", search.searchId());
    data.put("searchAttempts", (long) search.attempts());
    data.put("lastSearchAt", DocumentTimes.format(search.lastSearchAt()));
    data.put("nextRetryAt", DocumentTimes.format(search.nextRetryAt()));
    data.put("passedOverTherapists", search.passedOver());
    data.put("startsAt", DocumentTimes.format(booking.startsAt()));
    data.put("endsAt", DocumentTimes.format(booking.endsAt()));
    data.put("chatRoomId", booking.chat() == null ? null : booking.chat().chatRoomId());
    data.put("chatSessionId", booking.chat() == null ? null : booking.chat().chatSessionId());
    Cancellation cancellation = booking.cancellation();
    data.put("cancellationReason", cancellation == null ? null : cancellation.reason());
    data.put("cancelledBy", cancellation == null ? null : cancellation.cancelledBy());
    data.put("cancelledAt", cancellation == null ? null : DocumentTimes.format(cancellation.cancelledAt()));
    putJob(data, booking.job());
    Payment payment = booking.payment();
    data.put("paymentStatus", payment.status().code());
    data.put("paymentReference", payment.reference());
    data.put("refundDueAt", DocumentTimes.format(payment.refundDueAt()));
    data.put("reminderSentAt", DocumentTimes.format(booking.reminderSentAt()));
    // what the reminder duty lists (Bookings.remindersOwed): the start, while a reminder is owed
    data.put(Bookings.REMINDER_OWED, booking.isReminderOwed() ? DocumentTimes.format(booking.startsAt()) : null);
    data.put("createdAt", DocumentTimes.format(booking.createdAt()));
    data.put("updatedAt", DocumentTimes.format(booking.updatedAt()));
    data.put("version", booking.version());
    return data;
  }

  private static void putJob(Map<String, Object> data, JobProgress job) {
    data.put("jobStep", job == null ? null : job.step().code());
    data.put("etaMinutes", job == null || job.etaMinutes() == null ? null : job.etaMinutes().longValue());
    data.put("expectedArrivalAt", job == null ? null : DocumentTimes.format(job.expectedArrivalAt()));
    data.put("arrivedAt", job == null ? null : DocumentTimes.format(job.arrivedAt()));
    data.put("sessionStartedAt", job == null ? null : DocumentTimes.format(job.sessionStartedAt()));
    data.put("sessionEndedAt", job == null ? null : DocumentTimes.format(job.sessionEndedAt()));
    data.put("actualDuration", job == null || job.actualDurationMinutes() == null ? null : job.actualDurationMinutes().longValue());
  }

  private static JobProgress jobOf(Document document) {
    String step = document.string("jobStep");
    if (step == null) {
      return null;
    }
    Long eta = document.longValue("etaMinutes");
    return new JobProgress(
        JobStep.fromCode(step),
        eta == null ? null : eta.intValue(),
        document.instant("expectedArrivalAt"),
        document.instant("arrivedAt"),
        document.instant("sessionStartedAt"),
        document.instant("sessionEndedAt"));
  }

  static Booking fromDocument(Document document) {
    Owner owner = new Owner(document.string("userId"), document.string("guestTokenHash"));
    String scheduledAt = document.string("scheduledAt");
    BookingRequest request =
        new BookingRequest(
            new CustomerDetails(
                document.string("customerName"), new WhatsAppNumber(document.string("customerWhatsApp"))),
            ServiceDuration.parse(document.string("serviceDuration")),
            document.longValue("price"),
            new Location(
                document.string("address"),
                new Coordinates(document.doubleValue("lat"), document.doubleValue("lng"))),
            DocumentTimes.parse(scheduledAt));
    String therapist = document.string("therapist");
    String chatRoomId = document.string("chatRoomId");
    String reason = document.string("cancellationReason");
    String paymentStatus = document.string("paymentStatus");
    return new Booking(
        document.id(),
        owner,
        request,
        BookingStatus.fromCode(document.string("status")),
        therapist == null ? null : GSON.fromJson(therapist, TherapistMatch.class),
        document.string("therapistUserId"),
        document.instant("offerExpiresAt"),
        new SearchProgress(
            document.string("searchId"),
            document.longValue("searchAttempts").intValue(),
            document.instant("lastSearchAt"),
            document.instant("nextRetryAt"),
            document.strings("passedOverTherapists")),
        document.instant("startsAt"),
        chatRoomId == null ? null : new Booking.ChatRefs(chatRoomId, document.string("chatSessionId")),
        reason == null
            ? null
            : new Cancellation(reason, document.string("cancelledBy"), document.instant("cancelledAt")),
        jobOf(document),
        // documents written before payments were kept have none: pending, as every booking starts
        paymentStatus == null
            ? Payment.PENDING
            : new Payment(PaymentStatus.fromCode(paymentStatus), document.string("paymentReference"), document.instant("refundDueAt")),
        document.instant("reminderSentAt"),
        document.instant("createdAt"),
        document.instant("updatedAt"),
        document.longValue("version"));
  }

  static String snapshot(Booking booking) {
    return GSON.toJson(toData(booking));
  }

  static Booking fromSnapshot(String bookingId, String snapshot) {
    Map<String, Object> data = GSON.fromJson(snapshot, MAP);
    return fromDocument(new Document(bookingId, data));
  }

}
