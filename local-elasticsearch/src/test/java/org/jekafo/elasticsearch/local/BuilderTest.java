package org.jekafo.elasticsearch.local;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BuilderTest {

    @Test
    void acceptsHeapSizesInJvmNotation() {
        assertThatCode(() -> LocalElasticsearch.builder().heap("1g").heap("768m")).doesNotThrowAnyException();
    }

    @Test
    void rejectsHeapSizeWithoutUnit() {
        assertThatThrownBy(() -> LocalElasticsearch.builder().heap("512")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsPortOutsideTcpRange() {
        assertThatThrownBy(() -> LocalElasticsearch.builder().port(65536)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void urlIsUnavailableBeforeStart() {
        assertThatThrownBy(() -> LocalElasticsearch.builder().build().url()).isInstanceOf(IllegalStateException.class);
    }
}
