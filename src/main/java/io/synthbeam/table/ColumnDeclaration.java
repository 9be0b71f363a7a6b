package io.synthbeam.table;

import java.util.List;

/**
 * What the user declares about a column in the Avro schema, as public knowledge a private fit may
 * use without spending privacy budget. Declarations are Avro field properties:
 *
 * <pre>{@code
 * {"name": "country", "type": "string", "synthbeam.categories": ["FR", "DE", "IT"]}
 * {"name": "grade", "type": "int", "synthbeam.categories": [1, 2, 3, 4, 5]}
 * {"name": "income", "type": "double", "synthbeam.range": [0, 250000], "synthbeam.points": [0]}
 * {"name": "born", "type": {"type": "int", "logicalType": "date"},
 *  "synthbeam.range": ["1900-01-01", "2030-12-31"]}
 * {"name": "region", "type": "string", "synthbeam.public": true}
 * }</pre>
 *
 * <ul>
 *   <li>{@value #CATEGORIES}: the complete list of a categorical string, int or long column's
 *       values (enum symbols and booleans are declared by their type); a private fit gives every
 *       declared value a one-hot slot and only its count gets noise. A value outside the list is an
 *       error in a private fit. Null needs no declaration: a nullable column always has a null
 *       category.</li>
 *   <li>{@value #RANGE}: [min, max] of a continuous column, in its own units (dates and timestamps
 *       may be ISO-8601 text); a private fit clips values to it and fits the modes to a noisy
 *       histogram over it. Best declared for dates and timestamps, whose values sit far from zero
 *       for the data-driven range.</li>
 *   <li>{@value #POINTS}: values of a continuous column that may carry a point mass (a spike such
 *       as 0 or a cap); a private fit gives one a point mode when its noisy share is large enough.
 *       0 is always a candidate, and so are the declared range's ends.</li>
 *   <li>{@value #PUBLIC}: true declares the column's statistics public: a private fit fits it
 *       exactly, as a non-private fit would, spending no budget, and says so. Only for columns
 *       whose distribution in this table is genuinely public; the guarantee then does not cover
 *       them.</li>
 * </ul>
 *
 * <p>A non-private fit ignores declarations (they are still checked when the schema is read).
 *
 * @param declaredPublic whether {@value #PUBLIC} is true
 * @param categories the declared categories as category keys (String for strings, Long for ints
 *     and longs), in declared order; null when none are declared
 * @param range the declared range, or null
 * @param points the declared point-mass candidates, ascending (empty when none)
 */
public record ColumnDeclaration(boolean declaredPublic, List<Object> categories, Range range,
    List<Double> points) {
  public static final String PUBLIC = "synthbeam.public";
  public static final String CATEGORIES = "synthbeam.categories";
  public static final String RANGE = "synthbeam.range";
  public static final String POINTS = "synthbeam.points";

  /** Nothing declared. */
  public static final ColumnDeclaration NONE = new ColumnDeclaration(false, null, null, List.of());

  public ColumnDeclaration {
    categories = categories == null ? null : List.copyOf(categories);
    points = List.copyOf(points);
  }

  /** A declared [min, max], min &lt; max, in the column's numeric units. */
  public record Range(double min, double max) {}

  public boolean hasCategories() {
    return categories != null;
  }

  public boolean hasRange() {
    return range != null;
  }
}
