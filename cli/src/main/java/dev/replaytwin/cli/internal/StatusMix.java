package dev.replaytwin.cli.internal;

import dev.replaytwin.core.HttpResponse;

/** How many responses fell in each status class, and how many exchanges got none. */
public final class StatusMix {
  private long informational;
  private long success;
  private long redirect;
  private long clientError;
  private long serverError;
  private long other;
  private long noResponse;

  /** Counts one exchange's outcome; {@code null} when no response arrived. */
  public void add(HttpResponse response) {
    if (response == null) {
      noResponse++;
      return;
    }
    switch (response.status() / 100) {
      case 1 -> informational++;
      case 2 -> success++;
      case 3 -> redirect++;
      case 4 -> clientError++;
      case 5 -> serverError++;
      default -> other++;
    }
  }

  public long informational() {
    return informational;
  }

  public long success() {
    return success;
  }

  public long redirect() {
    return redirect;
  }

  public long clientError() {
    return clientError;
  }

  public long serverError() {
    return serverError;
  }

  /** Statuses 600 to 999: allowed on the wire, meaning nothing standard. */
  public long other() {
    return other;
  }

  public long noResponse() {
    return noResponse;
  }
}
