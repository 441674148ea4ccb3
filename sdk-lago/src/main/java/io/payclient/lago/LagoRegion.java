package io.payclient.lago;

/**
 * The Lago Cloud clusters. For a self-hosted Lago use {@code LagoClient.builder().selfHosted(url)}.
 */
public enum LagoRegion {
  /** The US cluster, {@code https://api.getlago.com/api/v1}. The default. */
  US("https://api.getlago.com/api/v1"),
  /** The EU cluster, {@code https://api.eu.getlago.com/api/v1}. */
  EU("https://api.eu.getlago.com/api/v1");

  private final String baseUrl;

  LagoRegion(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The API base URL of this cluster. */
  public String baseUrl() {
    return baseUrl;
  }
}
