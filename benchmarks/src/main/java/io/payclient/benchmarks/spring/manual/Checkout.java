package io.payclient.benchmarks.spring.manual;

import io.payclient.lago.LagoClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** The application's own service, the same in every start-up variant (here with a client). */
@Service
public class Checkout {
  private final String name;
  private final LagoClient lago;

  /**
   * Created by Spring.
   *
   * @param name the application's name
   * @param lago the client it creates payments with
   */
  public Checkout(@Value("${spring.application.name}") String name, LagoClient lago) {
    this.name = name;
    this.lago = lago;
  }

  @Override
  public String toString() {
    return "Checkout of " + name + " on " + lago;
  }
}
