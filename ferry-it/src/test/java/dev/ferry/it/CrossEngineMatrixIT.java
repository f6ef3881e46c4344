package dev.ferry.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.core.translate.Change;
import dev.ferry.ops.Backup;
import dev.ferry.ops.BackupSettings;
import dev.ferry.ops.ProgressListener;
import dev.ferry.ops.Restore;
import dev.ferry.ops.RestoreResult;
import dev.ferry.ops.RestoreSettings;
import dev.ferry.ops.TableProof;
import dev.ferry.ops.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ordered pair of engines: each engine's kitchen sink is backed up once, then restored into
 * each other engine. The restore proves every table (it throws otherwise); the test then asserts the
 * changes the mapping had to make, and spot-checks values in the committed target.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossEngineMatrixIT {
    private final Map<Engine, ScratchDatabase> sources = new EnumMap<>(Engine.class);
    private final Map<Engine, Path> archives = new EnumMap<>(Engine.class);
    private Path dir;

    @BeforeAll
    void backUpEveryKitchenSink() throws Exception {
        dir = Files.createTempDirectory("ferry-matrix-");
        for (Engine e : Engine.values()) {
            ScratchDatabase db = e.scratch();
            sources.put(e, db);
            try (Connection c = db.connect()) {
                e.fill(c);
            }
            Path archive = dir.resolve(e.name().toLowerCase());
            new Backup(BackupSettings.of(db.spec(), archive), ProgressListener.NONE).run();
            archives.put(e, archive);
        }
    }

    @AfterAll
    void dropSources() {
        sources.values().forEach(ScratchDatabase::close);
    }

    static Stream<Arguments> pairs() {
        return Stream.of(Engine.values()).flatMap(from -> Stream.of(Engine.values()).filter(to -> to != from)
                .map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void restoresAndProves(Engine from, Engine to) throws Exception {
        try (ScratchDatabase target = to.scratch()) {
            RestoreResult result = new Restore(RestoreSettings.of(archives.get(from), target.spec()), ProgressListener.NONE).run();
            assertThat(result.proofs()).isNotEmpty().allMatch(TableProof::matches);
            assertThat(result.crossEngine()).isTrue();
            for (Expected e : Expected.of(from, to)) {
                assertThat(result.changes()).as("%s -> %s reports %s", from, to, e)
                        .anyMatch(c -> c.kind() == e.kind() && c.object().contains(e.object()) && c.detail().contains(e.detail()));
            }
            assertThat(result.changes()).as("well-typed columns keep their representation")
                    .noneMatch(c -> c.kind() == Change.Kind.REPRESENTATION && c.object().matches(".*\\bbig\\.(id|payload|label|v)$"));
            try (Connection c = target.connect()) {
                TargetChecks.of(from, to).check(c);
            }
        }
    }

    /** A change the restore must report: its kind, and words of its object and detail. */
    record Expected(Change.Kind kind, String object, String detail) {
        static Expected[] of(Engine from, Engine to) {
            Change.Kind rep = Change.Kind.REPRESENTATION;
            Change.Kind not = Change.Kind.NOT_CARRIED;
            return switch (from + "->" + to) {
                case "POSTGRES->MARIADB" -> new Expected[] {new Expected(rep, "all_types.ta", "JSON array"),
                    new Expected(rep, "all_types.tstz", "ISO 8601 text"), new Expected(rep, "big.at", "UTC time in datetime(6)"),
                    new Expected(rep, "all_types.iv", "ISO 8601"), new Expected(not, "view public.v_people", "engine-specific"),
                    new Expected(not, "trigger app.people.people_touch", "")};
                case "POSTGRES->SQLITE" -> new Expected[] {new Expected(rep, "all_types.mood", "check of its labels"),
                    new Expected(rep, "all_types.n38", "more than 15"), new Expected(rep, "all_types.d", "NaN"),
                    new Expected(not, "sequence public.ticket_seq", "no sequences"), new Expected(not, "column public.all_types.t_len", "computed")};
                case "MARIADB->POSTGRES" -> new Expected[] {new Expected(rep, "ints.biu", "numeric(20,0)"),
                    new Expected(rep, "texts.e", "enum type"), new Expected(rep, "times.d", "kept as text"),
                    new Expected(not, "column gen.b", "computed"), new Expected(not, "index ft_t", "fulltext")};
                case "MARIADB->SQLITE" -> new Expected[] {new Expected(rep, "ints.biu", "beyond 64 bits"),
                    new Expected(rep, "bins.bit64", "0s and 1s"), new Expected(not, "sequence seq_order", "no sequences")};
                case "SQLITE->POSTGRES" -> new Expected[] {new Expected(rep, "types.i", "kept as text"),
                    new Expected(rep, "types.b", "created as bigint"), new Expected(not, "trigger line_touch", ""),
                    new Expected(not, "index tree_expr", "expression")};
                case "SQLITE->MARIADB" -> new Expected[] {new Expected(rep, "kv.k", "varchar(32)"),
                    new Expected(rep, "types.r", "NaN and Infinity"), new Expected(not, "view v_tree", "")};
                default -> throw new IllegalArgumentException(from + "->" + to);
            };
        }
    }

    static boolean has(RestoreResult r, Change.Kind kind, String object, String detail) {
        return r.changes().stream().anyMatch(c -> c.kind() == kind && c.object().contains(object) && c.detail().contains(detail));
    }
}
