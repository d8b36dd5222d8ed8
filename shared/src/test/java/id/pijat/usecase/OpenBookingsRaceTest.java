package id.pijat.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.pijat.booking.Bookings;
import id.pijat.booking.IdempotencyRecords;
import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.fairuse.FairUsePolicy;
import id.pijat.function.Backend;
import id.pijat.function.Settings;
import id.pijat.model.booking.Caller;
import id.pijat.model.booking.WhatsAppNumber;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.FaultyStore;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.store.Query;
import id.pijat.store.StoreUnavailableException;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.InterceptingStore;
import id.pijat.testing.MutableClock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Creates of one customer that all pass the open-bookings check before any of them writes (README
 * "Fair use"): the one that counts again after a racing create wrote takes its own booking back.
 */
class OpenBookingsRaceTest {
  private static final Coordinates KUTA = new Coordinates(-8.7180, 115.1686);
  private static final Caller BUDI = Caller.user("budi");
  private static final Caller GUEST = Caller.guest(null);
  private static final WhatsAppNumber BUDIS_NUMBER = BookingRequests.at(KUTA).customer().whatsapp();
  private static final int MAX = FairUsePolicy.DEFAULT_MAX_OPEN_BOOKINGS;

  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final InMemoryDocumentStore data = new InMemoryDocumentStore();
  private final FaultyStore faults = new FaultyStore(data);
  private final InterceptingStore store = new InterceptingStore(faults);
  private final Backend backend = new Backend(store, clock, Settings.from(Map.of()));

  private CreateBooking.Created create(Caller caller, String idempotencyKey) {
    return backend.createBooking().create(caller, BookingRequests.at(KUTA), idempotencyKey);
  }

  /** The customer's last place taken by another create that writes just before this one does. */
  private AtomicReference<CreateBooking.Created> racerWritingFirst(Caller caller, String idempotencyKey) {
    AtomicReference<CreateBooking.Created> racer = new AtomicReference<>();
    store.beforeNextCreate(Bookings.COLLECTION, (id, booking) -> racer.set(create(caller, idempotencyKey)));
    return racer;
  }

  private int bookingDocuments() {
    return data.list(Bookings.COLLECTION, List.of(Query.limit(100))).size();
  }

  @Test
  void aSignedInCreateThatARacingCreateOvertookTakesItsBookingBackAndIsRefused() {
    create(BUDI, null);
    AtomicReference<CreateBooking.Created> racer = racerWritingFirst(BUDI, null);

    Rejection refused = assertThrows(Rejection.class, () -> create(BUDI, null));

    assertEquals(ErrorCode.INVALID_STATE, refused.code());
    assertEquals(MAX, backend.bookings().openOf("budi", BUDIS_NUMBER, MAX + 1));
    assertEquals(MAX, bookingDocuments(), "the refused create's booking is gone");
    assertEquals(racer.get().booking(), backend.bookings().find(racer.get().booking().id()).orElseThrow(), "the racer's stays");
  }

  @Test
  void aGuestCreateThatARacingCreateOvertookGivesItsKeyBackAndLeavesNoDocument() {
    create(GUEST, "tap-1-5f0e2a9c41d7");
    AtomicReference<CreateBooking.Created> racer = racerWritingFirst(GUEST, "tap-2-9b1c7e3d05a2");

    Rejection refused = assertThrows(Rejection.class, () -> create(GUEST, "tap-3-c4d8a61f2e90"));

    assertEquals(ErrorCode.INVALID_STATE, refused.code());
    assertEquals(MAX, backend.bookings().openOf(null, BUDIS_NUMBER, MAX + 1));
    assertEquals(MAX, bookingDocuments());
    assertEquals(MAX, data.list(IdempotencyRecords.COLLECTION, List.of(Query.limit(100))).size(), "the refused create's key is free");
    assertEquals(racer.get().booking().id(), create(GUEST, "tap-2-9b1c7e3d05a2").booking().id(), "the racer's key answers its booking");
  }

  @Test
  void aCreateWhoseBookingCannotBeTakenBackAnswers503AndItsRetryIsANewCreateThatIsRefused() {
    create(GUEST, "tap-1-5f0e2a9c41d7");
    racerWritingFirst(GUEST, "tap-2-9b1c7e3d05a2");
    faults.on("delete", Bookings.COLLECTION, FaultyStore.Fault.FAIL_BEFORE);

    assertThrows(StoreUnavailableException.class, () -> create(GUEST, "tap-3-c4d8a61f2e90"));
    Rejection retry = assertThrows(Rejection.class, () -> create(GUEST, "tap-3-c4d8a61f2e90"));

    assertEquals(ErrorCode.INVALID_STATE, retry.code(), "the booking left over counts against the customer");
    assertEquals(MAX + 1, bookingDocuments(), "left for cleanup, unknown to the guest: its token was never answered");
  }

  @Test
  void withFairUseOffACreateCountsNothingBeforeOrAfterItsWrite() {
    Backend unlimited = new Backend(store, clock, Settings.from(Map.of("FAIR_USE", "off")));
    for (int n = 0; n <= MAX; n++) {
      unlimited.createBooking().create(BUDI, BookingRequests.at(KUTA), null);
    }

    assertEquals(MAX + 1, bookingDocuments());
    assertEquals(0, store.lists(Bookings.COLLECTION));
  }
}
