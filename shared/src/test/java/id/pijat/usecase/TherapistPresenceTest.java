package id.pijat.usecase;

import static id.pijat.testing.TherapistFixtures.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.function.Backend;
import id.pijat.function.Settings;
import id.pijat.hold.TherapistLocks;
import id.pijat.matching.SearchConfig;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingStatus;
import id.pijat.model.booking.Caller;
import id.pijat.model.geo.Coordinates;
import id.pijat.model.geo.GeoCell;
import id.pijat.model.therapist.Presence;
import id.pijat.model.therapist.Therapist;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.InterceptingStore;
import id.pijat.testing.MutableClock;
import id.pijat.testing.TherapistFixtures;
import id.pijat.therapist.Therapists;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A therapist's presence against the search and the locks: after "offline" lands nobody is offered
 * them; an offer that landed first stays, and is accepted. Ayu is the nearest, Made a little farther.
 */
class TherapistPresenceTest {
  private static final Coordinates KUTA = new Coordinates(-8.718, 115.1686);
  private static final Coordinates DENPASAR = new Coordinates(-8.6705, 115.2126);
  private static final Caller BUDI = Caller.user("budi");
  private static final Caller SARI = Caller.user("sari");
  private static final String AYU_USER = "therapist-ayu";

  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final InMemoryDocumentStore data = new InMemoryDocumentStore();
  private final InterceptingStore store = new InterceptingStore(data);
  private final Backend backend = new Backend(store, clock, Settings.from(Map.of("FAIR_USE", "off")));

  @BeforeEach
  void ayuNearestAndMadeFarther() {
    TherapistFixtures therapists = new TherapistFixtures(data);
    therapists.add("ayu", offset(KUTA, 0.5, 0), 4.8);
    therapists.add("made", offset(KUTA, 2, 0), 4.5);
    TherapistFixtures.belongsTo(data, "ayu", AYU_USER);
  }

  private Booking searchFor(Caller caller) {
    Booking booking = backend.createBooking().create(caller, BookingRequests.at(KUTA), null).booking();
    return backend.searchTherapists().search(caller, booking.id(), SearchConfig.DEFAULT, null, false).booking();
  }

  private Therapist goes(String status) {
    return backend.setTherapistPresence().set(AYU_USER, new Presence(status, null));
  }

  @Test
  void anOfflineThatLandedBeforeTheSearchReadItsCandidatesIsNeverOffered() {
    goes(Presence.OFFLINE);

    Booking booking = searchFor(BUDI);

    assertEquals("made", booking.therapistId());
  }

  @Test
  void anOfflineThatLandsAfterTheSearchReadItsCandidatesFindsTheOfferMadeFirstAndLaterSearchesPassHerBy() {
    store.beforeNextCreate(TherapistLocks.COLLECTION, (id, entry) -> goes(Presence.OFFLINE));

    Booking booking = searchFor(BUDI);
    Booking another = searchFor(SARI);

    assertEquals("ayu", booking.therapistId(), "read available, offered: the offer came first");
    assertEquals("made", another.therapistId());
  }

  @Test
  void anOfferThatLandedFirstStaysOpenAndAcceptable() {
    Booking offered = searchFor(BUDI);
    goes(Presence.OFFLINE);

    Booking polled = backend.searchTherapists().search(BUDI, offered.id(), SearchConfig.DEFAULT, offered.search().searchId(), false).booking();
    Booking accepted = backend.acceptTherapist().accept(BUDI, offered.id(), "ayu");

    assertEquals("ayu", offered.therapistId());
    assertEquals("ayu", polled.therapistId());
    assertEquals(BookingStatus.ACTIVE, accepted.status());
    assertEquals("ayu", accepted.therapistId());
  }

  @Test
  void busyIsNotOfferedEitherAndAvailableAgainIs() {
    goes(Presence.BUSY);
    Booking whileBusy = searchFor(BUDI);
    goes(Presence.AVAILABLE);
    Booking afterwards = searchFor(SARI);

    assertEquals("made", whileBusy.therapistId());
    assertEquals("ayu", afterwards.therapistId());
  }

  @Test
  void aNewPositionMovesHerCellWithIt() {
    Therapist moved = backend.setTherapistPresence().set(AYU_USER, new Presence(Presence.AVAILABLE, DENPASAR));

    assertEquals(DENPASAR, moved.location());
    assertEquals(GeoCell.of(DENPASAR), data.find(Therapists.COLLECTION, "ayu").orElseThrow().string("geoCell"));
    assertEquals("made", searchFor(BUDI).therapistId(), "she is no longer near Kuta");
  }

  @Test
  void aUserWithoutATherapistDocumentIsDeniedSayingWhy() {
    Rejection denied = assertThrows(Rejection.class,
        () -> backend.setTherapistPresence().set("budi", new Presence(Presence.OFFLINE, null)));

    assertEquals(ErrorCode.PERMISSION_DENIED, denied.code());
    assertEquals("This account has no therapist profile.", denied.getMessage());
    assertEquals("available", data.find(Therapists.COLLECTION, "made").orElseThrow().string("status"));
  }
}
