package dev.ferry.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlameGraphPngTest {
    private static final String STACKS = String.join("\n",
            "java.lang.Thread.run;dev/ferry/ops/Backup.run;dev/ferry/core/archive/ChunkWriter.write;com/github/luben/zstd/ZstdOutputStreamNoFinalizer.write;ZSTD_compressStream2 60",
            "java.lang.Thread.run;dev/ferry/ops/Backup.run;dev/ferry/core/value/RowHasher.add;java/math/BigDecimal.stripTrailingZeros 25",
            "java.lang.Thread.run;dev/ferry/ops/Backup.run;org/postgresql/core/PGStream.receive;java/net/SocketInputStream.read;recv;tcp_recvmsg_[k] 10",
            "thread_start;GCTaskThread::run;G1ParEvacuateFollowersClosure::do_void 5",
            "");

    @Test
    void chargesEachStackToItsInnermostKnownComponent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.collapsed");
        Files.writeString(file, STACKS);
        CollapsedStacks profile = CollapsedStacks.read(file);
        assertThat(profile.total()).isEqualTo(100);
        assertThat(new ProfileSummary(profile).byComponent()).containsEntry("zstd (de)compression", 60L)
                .containsEntry("content hash (canonical encoding, XXH64)", 25L)
                .containsEntry("socket and file I/O (JDK, kernel)", 10L)
                .containsEntry("garbage collection", 5L);
        assertThat(new ProfileSummary(profile).byPhase()).containsEntry("other Ferry work (connect, snapshot, CLI)", 95L)
                .containsEntry("JVM: JIT compiler, GC, class loading, other threads", 5L);
        assertThat(new ProfileSummary(profile).render()).contains(" 60.0%  zstd (de)compression", "BigDecimal.stripTrailingZeros");
    }

    @Test
    void drawsOneRowPerFrameLevel(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.collapsed");
        Files.writeString(file, STACKS);
        BufferedImage image = new FlameGraphPng(CollapsedStacks.read(file), "test").draw();
        assertThat(image.getWidth()).isEqualTo(1800);
        assertThat(image.getHeight()).isEqualTo(40 + 7 * 17 + 10);
        assertThat(FlameGraphPng.shortName("dev.ferry.core.value.RowHasher.add")).isEqualTo("RowHasher.add");
        assertThat(FlameGraphPng.shortName("G1ParEvacuateFollowersClosure::do_void")).isEqualTo("G1ParEvacuateFollowersClosure::do_void");
    }
}
