package org.medledger.ledger.governance;

import java.util.ArrayList;
import java.util.List;
import org.medledger.ledger.testing.TestConsortium;
import org.medledger.ledger.testing.TestConsortium.Member;

/** Validators with real certificates (validator-1 … validator-10 of st-mary and city-clinic), made once. */
final class SampleValidators {
  static final TestConsortium CONSORTIUM = TestConsortium.of(List.of("st-mary", "city-clinic"), 10);

  private SampleValidators() {}

  static Member member(int i) {
    return CONSORTIUM.validators().get(i - 1);
  }

  /** validator-i, at HOST:PORT validator-i.example:7000 (empty for none). */
  static ValidatorInfo validator(int i, boolean withAddress) {
    Member member = member(i);
    String organisation = i % 2 == 1 ? "st-mary" : "city-clinic";
    return new ValidatorInfo("validator-" + i, organisation, member.certificate(), member.certificate(),
        withAddress ? "validator-" + i + ".example:7000" : "");
  }

  static ValidatorInfo validator(int i) {
    return validator(i, true);
  }

  /** validator-1 … validator-n. */
  static List<ValidatorInfo> first(int n) {
    List<ValidatorInfo> validators = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      validators.add(validator(i));
    }
    return validators;
  }

  static ValidatorSet set(long from, int... numbers) {
    List<ValidatorInfo> validators = new ArrayList<>();
    for (int i : numbers) {
      validators.add(validator(i));
    }
    return new ValidatorSet(from, validators);
  }
}
