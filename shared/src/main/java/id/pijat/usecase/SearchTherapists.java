package id.pijat.usecase;

import id.pijat.availability.ProviderAvailability;
import id.pijat.booking.BookingIds;
import id.pijat.booking.Bookings;
import id.pijat.booking.ConcurrentChangeException;
import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.fairuse.CustomerLimits;
import id.pijat.hold.Heads;
import id.pijat.hold.TherapistLocks;
import id.pijat.matching.SearchConfig;
import id.pijat.matching.TherapistSearch;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingPolicy;
import id.pijat.model.booking.BookingStatus;
import id.pijat.model.booking.Caller;
import id.pijat.model.booking.Cancellation;
import id.pijat.model.booking.SearchProgress;
import id.pijat.model.booking.TherapistMatch;
import id.pijat.model.geo.Coordinates;
import id.pijat.model.therapist.Therapist;
import id.pijat.model.therapist.WeeklyHours;
import id.pijat.store.Fanout;
import id.pijat.store.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * One call of searchTherapists (README, "The booking flow"): answers the open offer again while it lasts, and
 * otherwise runs a round: passes over the therapist declined or let run out, offers the best one
 * free, or answers an empty round. Each round uses an attempt; when they are used up the booking is
 * cancelled and the call answers SEARCH_TIMEOUT.
 */
public final class SearchTherapists {
  /** Candidates ranked per round; the round tries to hold them in order. */
  static final int CANDIDATES_PER_ROUND = 10;

  private final Bookings bookings;
  private final TherapistSearch therapists;
  private final ProviderAvailability availability;
  private final TherapistLocks locks;
  private final BookingPolicy policy;
  private final CustomerLimits limits;
  private final Clock clock;
  private final Fanout fanout;
  private final BookingIds ids;

  /** @param ids what a booking's ID tells of where it is: the cells near it are read with the booking */
  public SearchTherapists(
      Bookings bookings,
      TherapistSearch therapists,
      ProviderAvailability availability,
      TherapistLocks locks,
      BookingPolicy policy,
      CustomerLimits limits,
      Clock clock,
      Fanout fanout,
      BookingIds ids) {
    this.bookings = bookings;
    this.therapists = therapists;
    this.availability = availability;
    this.locks = locks;
    this.policy = policy;
    this.limits = limits;
    this.clock = clock;
    this.fanout = fanout;
    this.ids = ids;
  }

  /** Where the search stands after this call; {@code searchId} is the search the answer speaks for. */
  public record Outcome(Booking booking, int maxAttempts, String searchId) {
    public SearchProgress progress() {
      return booking.search();
    }
  }

  /**
   * @param searchId the client's tag of this start of the search, or null to continue the booking's.
   *     A tag the booking does not carry yet is a new start: after an offer it moves on as Find
   *     Another does, because the client starts again (its countdown ended, or "Find Another")
   *     without saying it declines.
   * @param declineCurrent the customer asked for another therapist
   */
  public Outcome search(Caller caller, String bookingId, SearchConfig config, String searchId, boolean declineCurrent) {
    // a start may find the booking at its first version, kept only in its document: the newest
    // change and the document are read at once (polls go through checkSearchStatus: one request);
    // where the client says where the customer is, or the booking's ID does, the nearest cells are
    // read meanwhile too
    Fanout.Both<Booking, TherapistSearch.FirstGroup> opened =
        fanout.both(
            () -> bookings.findOwnedInOneRound(bookingId, caller),
            () -> readAhead(config, bookingId));
    Booking booking = opened.first();
    if (config.serviceDuration() != null && config.serviceDuration() != booking.request().duration()) {
      throw Rejection.invalidInput("searchConfig.serviceDuration", "must be the booking's, " + booking.request().duration().code());
    }
    try {
      return round(caller, booking, config, searchId, declineCurrent, opened.second());
    } catch (ConcurrentChangeException raced) {
      // another call (a second tab, a double poll, a start tapped twice) moved the booking first:
      // answer from where it is now, under the booking's own tag so that this call's is not a new
      // start that moves on from the offer the winner has just made
      Booking current = bookings.findOwned(bookingId, caller);
      Outcome now = round(caller, current, config, current.search().searchId(), false, null);
      return new Outcome(now.booking(), now.maxAttempts(), searchId != null ? searchId : now.searchId());
    }
  }

  /**
   * The nearest cells around where the client says the customer is, else where the booking's ID
   * says the booking is, or null. Only a guess to save a round: when it cannot be read, or its
   * cells are not the booking's own, the round reads the booking's own cells.
   */
  private TherapistSearch.FirstGroup readAhead(SearchConfig config, String bookingId) {
    Coordinates guess = config.userLocation() != null ? config.userLocation() : ids.place(bookingId).orElse(null);
    if (guess == null) {
      return null;
    }
    try {
      return therapists.readFirstGroup(guess, config.maxRadiusKm());
    } catch (StoreUnavailableException notRead) {
      return null;
    }
  }

  /** @param readAhead the nearest cells as read with the booking, or null */
  private Outcome round(
      Caller caller, Booking booking, SearchConfig config, String searchId, boolean declineCurrent, TherapistSearch.FirstGroup readAhead) {
    Instant now = clock.instant();
    SearchProgress progress = booking.search();
    boolean newStart = searchId != null && !searchId.equals(progress.searchId());
    String answered = searchId != null ? searchId : progress.searchId();
    // a scheduled booking whose time came while it looked for a therapist is over: nobody can make it
    boolean looking = booking.status() == BookingStatus.SEARCHING || booking.status() == BookingStatus.PENDING_ACCEPT;
    if (looking && booking.request().isPastItsTime(now)) {
      Booking cancelled = bookings.save(booking, booking.cancel(Cancellation.TIME_PASSED, Cancellation.BY_SYSTEM, now));
      letGoOfPreviousOffer(booking);
      throw cancelled(cancelled);
    }
    switch (booking.status()) {
      case CANCELLED -> throw cancelled(booking);
      case ACTIVE -> throw settled();
      case COMPLETED -> throw completed();
      case PENDING_ACCEPT -> {
        if (booking.isOfferOpen(now) && !declineCurrent && !newStart) {
          return new Outcome(booking, config.maxAttempts(), answered);
        }
        progress = progress.passOver(booking.therapistId());
      }
      case SEARCHING -> {
        if (progress.nextRetryAt() != null && now.isBefore(progress.nextRetryAt())) {
          return new Outcome(booking, config.maxAttempts(), answered);
        }
      }
    }
    if (progress.attempts() >= config.maxAttempts()) {
      Booking cancelled = bookings.save(booking, booking.cancel(Cancellation.NO_THERAPIST_AVAILABLE, Cancellation.BY_SYSTEM, now));
      letGoOfPreviousOffer(booking);
      throw cancelled(cancelled);
    }
    // a search the client did not tag is tagged as the client tags its own
    String id = answered != null ? answered : "search_" + now.toEpochMilli() + "_" + booking.id();
    progress = progress.nextAttempt(id, now);
    Instant offerEnds = now.plus(limits.offerWindow(config.offerWindow()));
    // the therapist moved past is let go once the next version is claimed; what of theirs the
    // booking holds is read meanwhile, alongside the candidates
    boolean movingOn = booking.status() == BookingStatus.PENDING_ACCEPT;
    List<String> passedPast = progress.passedOver();
    // a round may hold a therapist, so fair use counts it (a poll answered above is not a round; an
    // offer still standing here was declined or has lapsed): its counters are read alongside the
    // round's reads, so a refusal comes before anything of the round is written, and taken beside
    // the offer
    Fanout.Both<Found, CustomerLimits.RoundCount> looked =
        fanout.both(() -> read(booking, config, passedPast, movingOn, readAhead, now), () -> limits.countRound(caller, booking, movingOn, now));
    Found found = looked.first();
    CustomerLimits.RoundCount counted = looked.second();
    counted.check();
    List<String> previousKeys = found.previousKeys();
    Held held = holdCounted(booking, found, offerEnds, now, counted);
    TherapistMatch offered = held.offered();
    List<Runnable> letGo =
        previousKeys.isEmpty() ? List.of() : List.of(() -> locks.release(held.heads(), previousKeys, booking.id()));
    Booking next;
    if (offered != null) {
      next = booking.offer(offered, offerEnds, progress, now);
    } else if (progress.attempts() >= config.maxAttempts()) {
      next = booking.searchedOut(progress, now);
    } else {
      next = booking.keepSearching(progress.waitUntil(now.plus(policy.emptyRoundWait())), now);
    }
    try {
      // the document is written with the claim; the therapist moved past is let go once it is won
      bookings.saveWritingDocumentAtOnce(booking, next, letGo);
    } catch (ConcurrentChangeException lost) {
      // give the therapist back only if the version that won does not offer them: a racing call of
      // this same booking may have taken the same offer entry (it is this booking's) and won with it
      if (offered != null && !bookings.find(booking.id()).map(Booking::therapistId).filter(offered.id()::equals).isPresent()) {
        locks.releaseTherapist(booking.id(), offered.id());
      }
      throw lost;
    }
    if (next.status() == BookingStatus.CANCELLED) {
      throw cancelled(next);
    }
    return new Outcome(next, config.maxAttempts(), id);
  }

  /**
   * Once the booking's next version is claimed, the therapist it no longer offers is free again,
   * with anything an acceptance that died half-way left of theirs. Not before: should a racing
   * acceptance of the same booking win, its engagement stays.
   */
  private void letGoOfPreviousOffer(Booking before) {
    if (before.status() == BookingStatus.PENDING_ACCEPT) {
      locks.releaseTherapist(before.id(), before.therapistId());
    }
  }

  /** The nearest therapists for the booking, never the customer's own profile should they be a therapist too. */
  private List<TherapistSearch.Candidate> candidates(
      Booking booking, SearchConfig config, List<String> passedOver, TherapistSearch.FirstGroup readAhead) {
    String customer = booking.owner().userId();
    return therapists.nearest(
            booking.request().location().coordinates(),
            config.maxRadiusKm(),
            booking.request().duration(),
            new HashSet<>(passedOver),
            CANDIDATES_PER_ROUND,
            readAhead)
        .stream()
        .filter(candidate -> customer == null || !customer.equals(candidate.therapist().userId()))
        .toList();
  }

  /** The therapist offered (null when nobody was free), and the heads read on the way. */
  private record Held(TherapistMatch offered, Heads heads) {}

  /**
   * What a round decides on: the candidates, their weeks, the heads of the first candidate's locks
   * (most often the one offered) and of the locks of the therapist moved past ({@code previousKeys}).
   */
  private record Found(
      List<TherapistSearch.Candidate> candidates, List<String> previousKeys, Map<String, WeeklyHours> weeks, Heads heads) {}

  /**
   * The candidates with the moved-past therapist's locks, then their weeks with the locks' heads:
   * two rounds, one where the nearest cells were read ahead and enough (and nobody is moved past).
   */
  private Found read(
      Booking booking, SearchConfig config, List<String> passedPast, boolean movingOn, TherapistSearch.FirstGroup readAhead, Instant now) {
    Fanout.Both<List<TherapistSearch.Candidate>, List<String>> found =
        fanout.both(
            () -> candidates(booking, config, passedPast, readAhead),
            () -> movingOn ? locks.keysOf(booking.id(), booking.therapistId()) : List.<String>of());
    List<TherapistSearch.Candidate> candidates = found.first();
    Instant spanStart = booking.request().takenFrom(now);
    List<String> keys =
        new ArrayList<>(candidates.isEmpty()
            ? List.of()
            : TherapistLocks.offerKeys(candidates.get(0).therapist().id(), spanStart, spanEnd(booking, candidates.get(0), now)));
    keys.addAll(found.second());
    Fanout.Both<Map<String, WeeklyHours>, Heads> read =
        fanout.both(
            () -> candidates.isEmpty() ? Map.of() : availability.weeksOf(candidates.stream().map(TherapistSearch.Candidate::therapist).toList()),
            () -> locks.heads(keys));
    return new Found(candidates, found.second(), read.first(), read.second());
  }

  /**
   * The best therapist who is open for the whole session (from when they can be there: now plus
   * their ETA, or scheduledAt, which they must reach by then), free for its span, and whose lock we get.
   * The span starts now for an immediate booking (the therapist is on the way from acceptance) and
   * at scheduledAt for a scheduled one; it ends after the massage and the travel buffer. A candidate
   * after the first has the heads of its locks read when its turn comes.
   */
  private Held holdBest(Booking booking, Found found, Instant offerEnds, Instant now) {
    Instant spanStart = booking.request().takenFrom(now);
    List<TherapistSearch.Candidate> candidates = found.candidates();
    for (TherapistSearch.Candidate candidate : candidates) {
      String therapistId = candidate.therapist().id();
      WeeklyHours week = found.weeks().get(therapistId);
      // there in time for a scheduled booking, and open for the whole session: from when the therapist can be there to its end
      Instant startsAt = startsAt(booking, candidate, now);
      if (week == null
          || !booking.request().isReachableIn(now, Duration.ofMinutes(candidate.etaMinutes()))
          || !week.isOpenThrough(startsAt, startsAt.plus(booking.request().duration().length()))) {
        continue;
      }
      Instant spanEnd = policy.spanEnd(startsAt, booking.request().duration());
      Heads heads =
          candidate == candidates.get(0)
              ? found.heads()
              : locks.heads(TherapistLocks.offerKeys(therapistId, spanStart, spanEnd));
      // held no longer than the offer stands: a scheduled one ends when the therapist must set out
      Instant offerUntil = booking.request().offerEnds(offerEnds, Duration.ofMinutes(candidate.etaMinutes()));
      if (locks.offer(heads, therapistId, booking.id(), spanStart, spanEnd, offerUntil)) {
        return new Held(match(candidate), found.heads());
      }
    }
    return new Held(null, found.heads());
  }

  /**
   * {@link #holdBest}, with the round counted at once. Should racing rounds of the same customer
   * have taken the last places since the counters were read, the therapist held is given back.
   */
  private Held holdCounted(Booking booking, Found found, Instant offerEnds, Instant now, CustomerLimits.RoundCount counted) {
    Fanout.Both<Held, RuntimeException> held =
        fanout.both(
            () -> holdBest(booking, found, offerEnds, now),
            () -> {
              try {
                counted.take();
                return null;
              } catch (RuntimeException refused) {
                return refused;
              }
            });
    if (held.second() != null) {
      if (held.first().offered() != null) {
        locks.releaseTherapist(booking.id(), held.first().offered().id());
      }
      throw held.second();
    }
    return held.first();
  }

  /** When the session would start with this candidate: at their arrival, or at scheduledAt. */
  private static Instant startsAt(Booking booking, TherapistSearch.Candidate candidate, Instant now) {
    return booking.request().startsAt(now, Duration.ofMinutes(candidate.etaMinutes()));
  }

  private Instant spanEnd(Booking booking, TherapistSearch.Candidate candidate, Instant now) {
    return policy.spanEnd(startsAt(booking, candidate, now), booking.request().duration());
  }

  static TherapistMatch match(TherapistSearch.Candidate candidate) {
    Therapist therapist = candidate.therapist();
    return new TherapistMatch(
        therapist.id(),
        therapist.name(),
        therapist.photo(),
        therapist.rating(),
        candidate.shownKm(),
        candidate.etaMinutes(),
        therapist.specialties(),
        therapist.location());
  }

  static Rejection settled() {
    return new Rejection(ErrorCode.INVALID_STATE, "This booking already has its therapist.");
  }

  static Rejection completed() {
    return new Rejection(ErrorCode.INVALID_STATE, "This booking is already completed.");
  }

  static Rejection cancelled(Booking booking) {
    if (booking.cancellation().isSearchTimeout()) {
      return new Rejection(
          ErrorCode.SEARCH_TIMEOUT, "No therapist is available nearby right now. The booking has been cancelled.");
    }
    if (booking.cancellation().isTimePassed()) {
      return new Rejection(
          ErrorCode.BOOKING_CANCELLED, "The booking's time came before a therapist was accepted. Please book again.");
    }
    return new Rejection(ErrorCode.BOOKING_CANCELLED, "This booking was cancelled.");
  }
}
