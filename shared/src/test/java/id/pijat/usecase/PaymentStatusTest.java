package id.pijat.usecase;

import static id.pijat.testing.TherapistFixtures.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.pijat.booking.Bookings;
import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.function.Backend;
import id.pijat.function.Settings;
import id.pijat.matching.SearchConfig;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingStatus;
import id.pijat.model.booking.Caller;
import id.pijat.model.booking.IllegalPaymentChangeException;
import id.pijat.model.booking.PaymentStatus;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.Document;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.InterceptingStore;
import id.pijat.testing.MutableClock;
import id.pijat.testing.TherapistFixtures;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * setPaymentStatus against the booking's versions: a change is the next version, a repeat writes
 * nothing, and a cancellation and a payment at the same moment never lose one another.
 */
class PaymentStatusTest {
  private static final Coordinates SANUR = new Coordinates(-8.6881, 115.2619);
  private static final Caller BUDI = Caller.user("budi");

  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final InMemoryDocumentStore data = new InMemoryDocumentStore();
  private final InterceptingStore store = new InterceptingStore(data);
  private final Backend backend = new Backend(store, clock, Settings.from(Map.of("FAIR_USE", "off")));

  @BeforeEach
  void ayuNearby() {
    new TherapistFixtures(data).add("ayu", offset(SANUR, 1, 0), 4.8);
  }

  private Booking active() {
    Booking booking = backend.createBooking().create(BUDI, BookingRequests.at(SANUR), null).booking();
    Booking offer = backend.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, null, false).booking();
    return backend.acceptTherapist().accept(BUDI, offer.id(), offer.therapistId());
  }

  private Booking pay(Booking booking, PaymentStatus status) {
    return backend.setPaymentStatus().set(booking.id(), status, "midtrans-" + status.code());
  }

  private Booking stored(Booking booking) {
    return backend.bookings().find(booking.id()).orElseThrow();
  }

  private Document document(Booking booking) {
    return data.find(Bookings.COLLECTION, booking.id()).orElseThrow();
  }

  @Test
  void aPaymentIsTheBookingsNextVersionAndItsDocumentShowsIt() {
    Booking active = active();
    clock.advance(Duration.ofMinutes(1));

    Booking paid = pay(active, PaymentStatus.PAID);

    assertEquals(active.version() + 1, paid.version());
    assertEquals(paid, stored(active));
    assertEquals(BookingStatus.ACTIVE, paid.status());
    assertEquals("paid", document(active).string("paymentStatus"));
    assertEquals("midtrans-paid", document(active).string("paymentReference"));
  }

  @Test
  void reportingTheSameStatusAgainWritesNothing() {
    Booking paid = pay(active(), PaymentStatus.PAID);

    Booking again = pay(paid, PaymentStatus.PAID);

    assertEquals(paid, again);
    assertEquals(paid.version(), stored(paid).version());
  }

  @Test
  void aPaymentAfterAnOfferLapsedAnswersTheBookingAsGetBookingReadsIt() {
    Booking booking = backend.createBooking().create(BUDI, BookingRequests.at(SANUR), null).booking();
    backend.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, null, false);
    clock.advance(Duration.ofSeconds(61));

    Booking paid = pay(booking, PaymentStatus.PAID);
    Booking again = pay(booking, PaymentStatus.PAID);

    assertEquals(BookingStatus.SEARCHING, paid.status(), "the offer's window has passed");
    assertNull(paid.therapist());
    assertEquals(backend.bookings().readOwned(booking.id(), BUDI), paid);
    assertEquals(paid, again);
  }

  @Test
  void anIllegalMoveIsRefusedNamingBothAndWritesNothing() {
    Booking paid = pay(active(), PaymentStatus.PAID);

    IllegalPaymentChangeException illegal = assertThrows(IllegalPaymentChangeException.class, () -> pay(paid, PaymentStatus.FAILED));

    assertEquals(PaymentStatus.PAID, illegal.from());
    assertEquals(PaymentStatus.FAILED, illegal.to());
    assertEquals(paid, stored(paid));
  }

  @Test
  void anUnknownBookingIsNotFound() {
    Rejection missing = assertThrows(Rejection.class, () -> backend.setPaymentStatus().set("no-such-booking", PaymentStatus.PAID, null));

    assertEquals(ErrorCode.BOOKING_NOT_FOUND, missing.code());
  }

  @Test
  void cancellingAPaidBookingMakesARefundDue() {
    Booking paid = pay(active(), PaymentStatus.PAID);
    clock.advance(Duration.ofMinutes(5));

    Booking cancelled = backend.cancelBooking().cancel(BUDI, paid.id(), null);

    assertEquals(PaymentStatus.PAID, cancelled.payment().status());
    assertEquals(clock.instant(), cancelled.payment().refundDueAt());
    assertEquals(cancelled, stored(paid));
    assertEquals(clock.instant(), document(paid).instant("refundDueAt"));
  }

  @Test
  void theRefundReportedLaterEndsWhatIsDue() {
    Booking paid = pay(active(), PaymentStatus.PAID);
    backend.cancelBooking().cancel(BUDI, paid.id(), null);

    Booking refunded = pay(paid, PaymentStatus.REFUNDED);

    assertEquals(PaymentStatus.REFUNDED, refunded.payment().status());
    assertFalse(refunded.payment().refundDue());
    assertNull(document(paid).string("refundDueAt"));
  }

  @Test
  void aCancelThatClaimsFirstWhileThePaymentIsSavedIsKeptAndTheRefundIsDue() {
    Booking active = active();
    store.beforeNextCreate(Bookings.CHANGES, (id, change) -> backend.cancelBooking().cancel(BUDI, active.id(), null));

    Booking paid = pay(active, PaymentStatus.PAID);

    assertEquals(BookingStatus.CANCELLED, paid.status(), "the payment re-read the cancelled version");
    assertEquals(PaymentStatus.PAID, paid.payment().status());
    assertEquals(clock.instant(), paid.payment().refundDueAt());
    assertEquals(paid, stored(active));
  }

  @Test
  void aPaymentThatClaimsFirstWhileTheCancelIsSavedIsKeptAndTheRefundIsDue() {
    Booking active = active();
    store.beforeNextCreate(Bookings.CHANGES, (id, change) -> pay(active, PaymentStatus.PAID));

    Booking cancelled = backend.cancelBooking().cancel(BUDI, active.id(), null);

    assertEquals(BookingStatus.CANCELLED, cancelled.status());
    assertEquals(PaymentStatus.PAID, cancelled.payment().status(), "the cancel re-read the paid version");
    assertEquals(clock.instant(), cancelled.payment().refundDueAt());
    assertEquals(cancelled, stored(active));
  }

  @Test
  void aFailedPaymentIsPaidByItsRetry() {
    Booking failed = pay(active(), PaymentStatus.FAILED);

    Booking paid = pay(failed, PaymentStatus.PAID);

    assertSame(PaymentStatus.PAID, paid.payment().status());
    assertEquals(failed.version() + 1, paid.version());
  }
}
