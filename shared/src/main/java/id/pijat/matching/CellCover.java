package id.pijat.matching;

import id.pijat.model.geo.Coordinates;
import id.pijat.model.geo.GeoCell;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The geohash cells that cover a circle, nearest first. Each cell comes with the shortest distance
 * from the centre to any point of it, so a search that has read every cell nearer than d knows no
 * unread therapist is nearer than d.
 */
public final class CellCover {
  private static final int LNG_BITS = (GeoCell.PRECISION * 5 + 1) / 2;
  private static final int LAT_BITS = GeoCell.PRECISION * 5 / 2;
  static final double CELL_WIDTH = 360.0 / (1 << LNG_BITS);
  static final double CELL_HEIGHT = 180.0 / (1 << LAT_BITS);

  /** One cell of the cover. */
  public record Cell(String code, double nearestKm) {}

  private CellCover() {}

  public static List<Cell> around(Coordinates centre, double radiusKm) {
    double latSpan = radiusKm / 111.0;
    double lngSpan = radiusKm / (111.0 * Math.max(0.01, Math.cos(Math.toRadians(centre.lat()))));
    long firstRow = row(Math.max(-90, centre.lat() - latSpan));
    long lastRow = row(Math.min(90 - 1e-9, centre.lat() + latSpan));
    long firstColumn = column(Math.max(-180, centre.lng() - lngSpan));
    long lastColumn = column(Math.min(180 - 1e-9, centre.lng() + lngSpan));
    List<Cell> cells = new ArrayList<>();
    for (long row = firstRow; row <= lastRow; row++) {
      double south = -90 + row * CELL_HEIGHT;
      for (long column = firstColumn; column <= lastColumn; column++) {
        double west = -180 + column * CELL_WIDTH;
        Coordinates nearest =
            new Coordinates(
                clamp(centre.lat(), south, south + CELL_HEIGHT), clamp(centre.lng(), west, west + CELL_WIDTH));
        double nearestKm = centre.kilometresTo(nearest);
        if (nearestKm <= radiusKm) {
          cells.add(new Cell(GeoCell.encode(south + CELL_HEIGHT / 2, west + CELL_WIDTH / 2, GeoCell.PRECISION), nearestKm));
        }
      }
    }
    cells.sort(Comparator.comparingDouble(Cell::nearestKm));
    return cells;
  }

  private static long row(double lat) {
    return (long) Math.floor((lat + 90) / CELL_HEIGHT);
  }

  private static long column(double lng) {
    return (long) Math.floor((lng + 180) / CELL_WIDTH);
  }

  private static double clamp(double value, double low, double high) {
    return Math.max(low, Math.min(high, value));
  }
}
