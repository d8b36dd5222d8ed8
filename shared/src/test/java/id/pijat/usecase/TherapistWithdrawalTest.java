package id.pijat.usecase;

import static id.pijat.store.FaultyStore.Fault.FAIL_BEFORE;
import static id.pijat.testing.Rejections.refused;
import static id.pijat.testing.TherapistFixtures.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.booking.Bookings;
import id.pijat.chat.Chats;
import id.pijat.error.ErrorCode;
import id.pijat.function.Backend;
import id.pijat.function.Settings;
import id.pijat.matching.SearchConfig;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingStatus;
import id.pijat.model.booking.Caller;
import id.pijat.model.booking.Cancellation;
import id.pijat.model.booking.JobReport;
import id.pijat.model.booking.JobStep;
import id.pijat.model.booking.PaymentStatus;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.FaultyStore;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.store.StoreUnavailableException;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.ChatFixtures;
import id.pijat.testing.MutableClock;
import id.pijat.testing.TherapistFixtures;
import id.pijat.usecase.cleanup.Budget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * cancelBooking called by the engaged therapist: Ayu, engaged by Budi, can no longer come. The
 * booking is cancelled as a withdrawal, Budi is refunded and told in the room, Ayu is free again.
 */
class TherapistWithdrawalTest {
  private static final Coordinates SEMINYAK = new Coordinates(-8.6913, 115.1682);
  private static final Caller BUDI = Caller.user("budi");
  private static final Caller AYU = Caller.user("therapist-ayu");
  private static final Caller MADE = Caller.user("therapist-made");

  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final InMemoryDocumentStore data = new InMemoryDocumentStore();
  private final FaultyStore store = new FaultyStore(data);
  private final Backend backend = new Backend(store, clock, Settings.from(Map.of("FAIR_USE", "off")));

  @BeforeEach
  void ayuNearestAndMadeFartherEachSignedIn() {
    TherapistFixtures therapists = new TherapistFixtures(data);
    therapists.add("ayu", offset(SEMINYAK, 1, 0), 4.8);
    therapists.add("made", offset(SEMINYAK, 2, 0), 4.6);
    TherapistFixtures.belongsTo(data, "ayu", AYU.userId());
    TherapistFixtures.belongsTo(data, "made", MADE.userId());
  }

  private Booking acceptedBy(Caller customer) {
    Booking booking = backend.createBooking().create(customer, BookingRequests.at(SEMINYAK), null).booking();
    Booking offer = backend.searchTherapists().search(customer, booking.id(), SearchConfig.DEFAULT, null, false).booking();
    return backend.acceptTherapist().accept(customer, offer.id(), offer.therapistId());
  }

  private Booking paid(Booking booking) {
    return backend.setPaymentStatus().set(booking.id(), PaymentStatus.PAID, "midtrans-1");
  }

  private Booking cancels(Caller caller, Booking booking, String reason) {
    return backend.cancelBooking().cancel(caller, booking.id(), reason);
  }

  private List<String> messages(Booking booking) {
    return ChatFixtures.texts(data, booking);
  }

  private String room(Booking booking) {
    return ChatFixtures.roomStatus(data, booking);
  }

  @Test
  void theEngagedTherapistWithdrawsTheCustomerIsRefundedAndToldAndSheIsFreeForTheNextBooking() {
    Booking budis = paid(acceptedBy(BUDI));
    assertEquals("ayu", budis.therapistId());

    Booking withdrawn = cancels(AYU, budis, "my scooter broke down");

    assertEquals(BookingStatus.CANCELLED, withdrawn.status());
    assertEquals(new Cancellation(Cancellation.THERAPIST_WITHDREW, Cancellation.BY_THERAPIST, clock.instant()), withdrawn.cancellation());
    assertTrue(withdrawn.payment().refundDue());
    assertEquals(List.of(Chats.CONFIRMED, CancelBooking.WITHDRAWN), messages(budis));
    assertEquals("closed", room(budis));
    assertEquals("ayu", acceptedBy(Caller.user("siti")).therapistId());
  }

  @Test
  void withdrawingAgainAnswersTheBookingAsItStands() {
    Booking budis = acceptedBy(BUDI);
    Booking withdrawn = cancels(AYU, budis, null);
    clock.advance(Duration.ofMinutes(1));

    Booking again = cancels(AYU, budis, null);

    assertEquals(withdrawn.cancellation(), again.cancellation());
    assertEquals(List.of(Chats.CONFIRMED, CancelBooking.WITHDRAWN), messages(budis));
  }

  @Test
  void anotherTherapistCannotCancelTheBooking() {
    Booking budis = acceptedBy(BUDI);

    refused(ErrorCode.PERMISSION_DENIED, () -> cancels(MADE, budis, null));

    assertEquals(BookingStatus.ACTIVE, backend.bookings().findOwned(budis.id(), BUDI).status());
  }

  @Test
  void theOfferedTherapistCannotCancelBeforeTheCustomerAcceptsHer() {
    Booking booking = backend.createBooking().create(BUDI, BookingRequests.at(SEMINYAK), null).booking();
    Booking offer = backend.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, null, false).booking();
    assertEquals("ayu", offer.therapistId());

    refused(ErrorCode.PERMISSION_DENIED, () -> cancels(AYU, offer, null));

    assertEquals(BookingStatus.PENDING_ACCEPT, backend.bookings().findOwned(offer.id(), BUDI).status());
  }

  @Test
  void aCompletedJobCannotBeWithdrawnFrom() {
    Booking budis = acceptedBy(BUDI);
    for (JobStep step : List.of(JobStep.ON_THE_WAY, JobStep.ARRIVED, JobStep.STARTED, JobStep.COMPLETED)) {
      backend.reportJobProgress().report(AYU.userId(), budis.id(), new JobReport(step, step == JobStep.ON_THE_WAY ? 20 : null));
    }

    refused(ErrorCode.INVALID_STATE, () -> cancels(AYU, budis, null));
  }

  @Test
  void aCustomerWhoCancelsWithTheReasonNoShowIsStillRefunded() {
    Booking budis = paid(acceptedBy(BUDI));

    Booking cancelled = cancels(BUDI, budis, Cancellation.NO_SHOW);

    assertFalse(cancelled.cancellation().isNoShow());
    assertTrue(cancelled.payment().refundDue());
    assertEquals(List.of(Chats.CONFIRMED, Chats.CLOSED_CANCELLED), messages(budis));
  }

  @Test
  void aCancellationWhoseReadOfTheChatFailedBesideItsCommitStillClosesTheChatAndFreesTheTherapist() {
    Booking budis = acceptedBy(BUDI);
    store.on("find", Chats.ROOMS, FAIL_BEFORE);

    Booking cancelled = cancels(BUDI, budis, null);

    assertEquals(BookingStatus.CANCELLED, cancelled.status());
    assertEquals("cancelled", data.find(Bookings.COLLECTION, budis.id()).orElseThrow().string("status"), "the document follows the commit");
    assertEquals("closed", room(budis));
    assertEquals("ayu", acceptedBy(Caller.user("siti")).therapistId());
  }

  @Test
  void aWithdrawalWhoseCallDiedAfterItsCommitIsClosedByCleanupWithTheWithdrawalMessage() {
    Booking budis = acceptedBy(BUDI);
    store.on("create", Chats.MESSAGES, FAIL_BEFORE);

    assertThrows(StoreUnavailableException.class, () -> cancels(AYU, budis, null));
    assertEquals(BookingStatus.CANCELLED, backend.bookings().findOwned(budis.id(), BUDI).status());
    assertEquals(List.of(Chats.CONFIRMED), messages(budis));

    clock.advance(Duration.ofMinutes(5));
    backend.cleanupSessions().run(Budget.of(Duration.ofMinutes(1), clock));

    assertEquals(List.of(Chats.CONFIRMED, CancelBooking.WITHDRAWN), messages(budis));
    assertEquals("closed", room(budis));
  }
}
