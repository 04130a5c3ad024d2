package org.medledger.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
  @Test
  void nearestRankPercentilesOfOneToHundred() {
    LatencyRecorder.Percentiles p = LatencyRecorder.Percentiles.of(LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray());
    assertThat(p.count()).isEqualTo(100);
    assertThat(p.p50()).isEqualTo(50);
    assertThat(p.p90()).isEqualTo(90);
    assertThat(p.p99()).isEqualTo(99);
    assertThat(p.max()).isEqualTo(100);
  }

  @Test
  void unrecordedSlotsAreLeftOut() {
    LatencyRecorder recorder = new LatencyRecorder(10);
    recorder.record(3, 7_000_000);
    recorder.record(8, 2_000_000);
    LatencyRecorder.Percentiles p = recorder.percentiles();
    assertThat(p.count()).isEqualTo(2);
    assertThat(p.p50()).isEqualTo(2_000_000);
    assertThat(p.p99()).isEqualTo(7_000_000);
    assertThat(p.format()).startsWith("p50 2.0 ms");
  }

  @Test
  void noSamplesGiveZeros() {
    assertThat(new LatencyRecorder(3).percentiles()).isEqualTo(new LatencyRecorder.Percentiles(0, 0, 0, 0, 0));
  }

  @Test
  void aSingleSampleIsEveryPercentile() {
    LatencyRecorder.Percentiles p = LatencyRecorder.Percentiles.of(new long[] {42});
    assertThat(p.p50()).isEqualTo(42);
    assertThat(p.p99()).isEqualTo(42);
  }
}
