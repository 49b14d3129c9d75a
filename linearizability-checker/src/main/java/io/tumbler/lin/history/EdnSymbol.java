package io.tumbler.lin.history;

/**
 * An EDN symbol ({@code foo}, {@code ns/foo}) found in a value. Rare in histories; kept so that EDN
 * round-trips losslessly.
 *
 * @param name the symbol, namespace included
 */
public record EdnSymbol(String name) {
  @Override
  public String toString() {
    return name;
  }
}
