package io.synthbeam.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The categories of one column across the real, holdout and synthetic tables, numbered in order
 * of first appearance, so that codes compare across tables.
 */
public final class CategoryDictionary {
  private final Map<String, Integer> codes = new HashMap<>();
  private final List<String> categories = new ArrayList<>();

  /** The code of {@code category}, adding it when new. */
  int code(String category) {
    Integer code = codes.get(category);
    if (code == null) {
      code = categories.size();
      codes.put(category, code);
      categories.add(category);
    }
    return code;
  }

  /** The category with code {@code code}. */
  public String category(int code) {
    return categories.get(code);
  }

  /** Number of categories seen. */
  public int size() {
    return categories.size();
  }
}
