package org.medledger.contracts.access;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.medledger.contracts.codec.PolicyParametersCodec;
import org.medledger.contracts.policy.PolicyParameters;
import org.medledger.ledger.governance.GovernanceKeys;
import org.medledger.ledger.state.StateView;

/**
 * The policy in force as a transaction sees the world state. {@link #governed()}, which the
 * health contracts use, reads the governed parameter {@value PolicyParameter#NAME} from the state
 * and falls back to {@link PolicyParameters#defaults()} until governance first sets it.
 */
@FunctionalInterface
public interface PolicySource {
  PolicyParameters at(StateView state);

  /**
   * The policy governance keeps under {@code governance/parameter/policy}, or the defaults while
   * there is none. Each distinct value is decoded once (a few recent ones are kept by their bytes).
   */
  static PolicySource governed() {
    return governed(PolicyParameters.defaults());
  }

  /** The governed policy, or {@code fallback} while governance has set none. */
  static PolicySource governed(PolicyParameters fallback) {
    String key = GovernanceKeys.parameter(PolicyParameter.NAME);
    Map<ByteBuffer, PolicyParameters> decoded = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<ByteBuffer, PolicyParameters> eldest) {
        return size() > 8;
      }
    };
    return state -> {
      Optional<byte[]> value = state.get(key);
      if (value.isEmpty()) {
        return fallback;
      }
      ByteBuffer bytes = ByteBuffer.wrap(value.get());
      synchronized (decoded) {
        PolicyParameters policy = decoded.get(bytes);
        if (policy == null) {
          // governance checked the value before setting it: a failure here is a damaged state
          policy = PolicyParametersCodec.decode(value.get());
          decoded.put(ByteBuffer.wrap(value.get().clone()), policy);
        }
        return policy;
      }
    };
  }

  /** Always {@code policy}, whatever the state (tests, tools). */
  static PolicySource fixed(PolicyParameters policy) {
    return state -> policy;
  }

  /** Always {@link PolicyParameters#defaults()}, whatever the state (tests, tools). */
  static PolicySource defaults() {
    return fixed(PolicyParameters.defaults());
  }
}
