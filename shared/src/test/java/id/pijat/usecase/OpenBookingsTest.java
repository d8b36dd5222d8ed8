package id.pijat.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.fairuse.FairUsePolicy;
import id.pijat.function.Backend;
import id.pijat.function.Settings;
import id.pijat.model.booking.BookingStatus;
import id.pijat.model.booking.Caller;
import id.pijat.model.booking.CustomerDetails;
import id.pijat.model.booking.NewBooking;
import id.pijat.model.booking.WhatsAppNumber;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.MutableClock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whose open bookings a new one is counted against (README "Fair use"): a signed-in customer's by
 * their user, a guest's by the guest bookings under their number. A WhatsApp number is typed, never
 * verified, so a stranger who types somebody's number cannot use up that person's open bookings.
 */
class OpenBookingsTest {
  private static final Coordinates KUTA = new Coordinates(-8.7180, 115.1686);
  private static final Caller BUDI = Caller.user("budi");
  private static final Caller STRANGER = Caller.user("stranger");
  private static final Caller GUEST = Caller.guest(null);
  private static final int MAX = FairUsePolicy.DEFAULT_MAX_OPEN_BOOKINGS;

  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final Backend backend = new Backend(new InMemoryDocumentStore(), clock, Settings.from(Map.of()));

  /** Always Budi's number (BookingRequests' customer), whoever books. */
  private CreateBooking.Created create(Caller caller) {
    return backend.createBooking().create(caller, BookingRequests.at(KUTA), null);
  }

  private void openAsMany(Caller caller) {
    for (int i = 0; i < MAX; i++) {
      create(caller);
    }
  }

  @Test
  void aStrangerSignedInWithBudisNumberDoesNotUseUpTheOpenBookingsOfBudiAsAGuest() {
    openAsMany(STRANGER);

    assertEquals(BookingStatus.SEARCHING, create(GUEST).booking().status());
    assertEquals(ErrorCode.INVALID_STATE, assertThrows(Rejection.class, () -> create(STRANGER)).code(), "the stranger's own are counted");
  }

  @Test
  void guestsWithBudisNumberDoNotUseUpTheOpenBookingsOfBudiSignedIn() {
    openAsMany(GUEST);

    assertEquals(BookingStatus.SEARCHING, create(BUDI).booking().status());
    assertEquals(ErrorCode.INVALID_STATE, assertThrows(Rejection.class, () -> create(GUEST)).code(), "guests of one number are one customer");
  }

  @Test
  void aSignedInCustomerIsOneCustomerWhateverNumberTheyType() {
    NewBooking usual = BookingRequests.at(KUTA);
    NewBooking otherNumber = new NewBooking(
        new CustomerDetails("Budi Santoso", WhatsAppNumber.parse("0813 1111 2222")), usual.duration(), usual.location(), null);
    backend.createBooking().create(BUDI, otherNumber, null);
    create(BUDI);

    assertEquals(ErrorCode.INVALID_STATE, assertThrows(Rejection.class, () -> create(BUDI)).code());
  }
}
