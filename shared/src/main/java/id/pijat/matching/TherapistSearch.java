package id.pijat.matching;

import id.pijat.model.booking.ServiceDuration;
import id.pijat.model.geo.Coordinates;
import id.pijat.model.therapist.Therapist;
import id.pijat.store.Fanout;
import id.pijat.store.Query;
import id.pijat.therapist.Therapists;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds the nearest suitable therapists while reading a bounded number of documents, however many
 * therapists the marketplace has. It reads the covering cells nearest first, in growing groups, and
 * stops after the first group when it holds enough candidates that no unread cell could beat;
 * otherwise it reads the other groups at once, within {@link #MAX_READS} documents in all. In a cell so dense that one page of a hundred fills up, it ranks the
 * page it got: every therapist there is within a few kilometres anyway.
 */
public final class TherapistSearch {
  /** Documents one search may read from the therapists collection. */
  public static final int MAX_READS = 300;
  private static final int FIRST_GROUP = 9;

  /**
   * A therapist who qualifies by place and duration, with the distance to the customer: exact, to
   * rank them, and as the customer is shown it ({@code shownKm}: to the therapist's coarse position,
   * to 100 m), from which the ETA is taken. Only the shown one leaves the server: exact distances
   * from three bookings would place the therapist to a few metres.
   */
  public record Candidate(Therapist therapist, double distanceKm, double shownKm) {
    static Candidate of(Therapist therapist, Coordinates customer) {
      double shown = Math.round(customer.kilometresTo(therapist.location().coarse()) * 10) / 10.0;
      return new Candidate(therapist, customer.kilometresTo(therapist.location()), shown);
    }

    public int etaMinutes() {
      return TravelTime.minutesFor(shownKm);
    }
  }

  /** Nearest first; within 100 m of each other the better rated first. */
  public static final Comparator<Candidate> RANKING =
      Comparator.<Candidate>comparingLong(c -> Math.round(c.distanceKm() * 10))
          .thenComparing(c -> -c.therapist().rating())
          .thenComparing(c -> c.therapist().id());

  private final Therapists therapists;
  private final Fanout fanout;

  /** Its reads one after the other. */
  public TherapistSearch(Therapists therapists) {
    this(therapists, Fanout.SEQUENTIAL);
  }

  public TherapistSearch(Therapists therapists, Fanout fanout) {
    this.therapists = therapists;
    this.fanout = fanout;
  }

  /**
   * The nearest group of cells around a place and the therapists available in it: the first read
   * of {@link #nearest}, made ahead of it (one request) where the caller can guess the centre before
   * it knows it.
   */
  public record FirstGroup(Set<String> cells, List<Therapist> available) {}

  public FirstGroup readFirstGroup(Coordinates centre, double radiusKm) {
    List<String> cells = firstCells(centre, radiusKm);
    return new FirstGroup(Set.copyOf(cells), cells.isEmpty() ? List.of() : therapists.availableIn(cells, Query.MAX_LIMIT));
  }

  /** The cells a search around this centre reads first, nearest first. */
  public static List<String> firstCells(Coordinates centre, double radiusKm) {
    List<List<String>> groups = groups(CellCover.around(centre, radiusKm));
    return groups.isEmpty() ? List.of() : groups.get(0);
  }

  /**
   * Up to {@code wanted} candidates, ranked; excluded therapists are never among them. The nearest
   * group of cells is read first, which is enough wherever therapists are dense; otherwise the
   * remaining groups are read at once (sparse cells hold few documents), sharing what is left of
   * {@link #MAX_READS}: two rounds at most.
   *
   * @param readAhead the first group as read a moment before around a guessed centre, or null; used
   *     only when it is this centre's first group too (the same cells), otherwise read again
   */
  public List<Candidate> nearest(
      Coordinates centre, double radiusKm, ServiceDuration duration, Set<String> excluded, int wanted, FirstGroup readAhead) {
    List<CellCover.Cell> cells = CellCover.around(centre, radiusKm);
    List<List<String>> groups = groups(cells);
    List<Candidate> found = new ArrayList<>();
    if (groups.isEmpty()) {
      return found;
    }
    List<Therapist> first =
        readAhead != null && readAhead.cells().equals(Set.copyOf(groups.get(0)))
            ? readAhead.available()
            : therapists.availableIn(groups.get(0), Query.MAX_LIMIT);
    collect(first, centre, radiusKm, duration, excluded, found);
    int unread = groups.get(0).size();
    double unreadNearest = unread < cells.size() ? cells.get(unread).nearestKm() : Double.MAX_VALUE;
    boolean enough = found.size() >= wanted && found.get(wanted - 1).distanceKm() <= unreadNearest;
    List<List<String>> rest = groups.subList(1, groups.size());
    if (!enough && !rest.isEmpty()) {
      int share = Math.max(1, Math.min(Query.MAX_LIMIT, (MAX_READS - first.size()) / rest.size()));
      fanout.all(rest.stream().<Supplier<List<Therapist>>>map(codes -> () -> therapists.availableIn(codes, share)).toList())
          .forEach(page -> collect(page, centre, radiusKm, duration, excluded, found));
    }
    return List.copyOf(found.subList(0, Math.min(wanted, found.size())));
  }

  /** The cells nearest first in growing groups: 9, then 18, 36, ... up to a page's worth of cells each. */
  private static List<List<String>> groups(List<CellCover.Cell> cells) {
    List<List<String>> groups = new ArrayList<>();
    for (int next = 0, group = FIRST_GROUP; next < cells.size(); next += group, group = Math.min(Query.MAX_LIMIT, group * 2)) {
      groups.add(cells.subList(next, Math.min(cells.size(), next + group)).stream().map(CellCover.Cell::code).toList());
    }
    return groups;
  }

  private static void collect(
      List<Therapist> page, Coordinates centre, double radiusKm, ServiceDuration duration, Set<String> excluded, List<Candidate> found) {
    for (Therapist therapist : page) {
      Candidate candidate = Candidate.of(therapist, centre);
      if (candidate.distanceKm() <= radiusKm && therapist.offers(duration) && !excluded.contains(therapist.id())) {
        found.add(candidate);
      }
    }
    found.sort(RANKING);
  }
}
