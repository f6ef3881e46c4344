package dev.ferry.core.archive;

import dev.ferry.core.model.Column;
import dev.ferry.core.model.DataType;
import dev.ferry.core.model.QualifiedName;
import dev.ferry.core.model.Schema;
import dev.ferry.core.model.Table;
import dev.ferry.core.model.TypeKind;
import dev.ferry.core.value.ArrayValue;
import dev.ferry.core.value.BitString;
import dev.ferry.core.value.Interval;
import dev.ferry.core.value.Json;
import dev.ferry.core.value.NativeValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A small, valid archive with two tables holding every value type: the starting point of hostile edits. */
final class SampleArchive {
    static final QualifiedName ITEMS = new QualifiedName("public", "items");
    static final QualifiedName EVERYTHING = new QualifiedName("public", "every type");

    private SampleArchive() {
    }

    /** One row holding each portable value type, in the order of {@link #everythingColumns()}. */
    static Object[] everyValue(int i) {
        return new Object[] {null, i % 2 == 0, (long) i, BigInteger.TWO.pow(70 + i), new BigDecimal("123.4500"),
                1.5f, -0.0d, "text ✓ " + i, new byte[] {0, 1, (byte) i}, LocalDate.of(2026, 11, 23), LocalTime.NOON,
                LocalDateTime.of(2026, 11, 23, 8, 0), OffsetDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZoneOffset.UTC),
                OffsetTime.of(LocalTime.MIDNIGHT, ZoneOffset.ofHours(2)), new Interval(1, 2, 3), UUID.nameUUIDFromBytes(new byte[] {(byte) i}),
                new Json("{\"a\": [1, 2]}"), new BitString("0101"), new ArrayValue(List.of(1L, new ArrayValue(List.of("x")))),
                new NativeValue("point", "(1,2)"), OffsetDateTime.MAX};
    }

    static List<Column> everythingColumns() {
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < everyValue(0).length; c++) {
            columns.add(Column.of("c" + c, DataType.of(TypeKind.NATIVE, "any"), true));
        }
        return columns;
    }

    static Manifest write(Path target, int rows) {
        Table items = new Table(ITEMS, List.of(Column.of("id", DataType.of(TypeKind.BIGINT, "bigint"), false),
                Column.of("name", DataType.of(TypeKind.TEXT, "text"), true)), null, null, null, null, null, null, null, rows);
        Table everything = new Table(EVERYTHING, everythingColumns(), null, null, null, null, null, null, null, 3);
        try (ArchiveWriter w = ArchiveWriter.create(target, 3)) {
            w.writeSchema(new Schema(List.of("public"), null, null, List.of(items, everything), null, null));
            TableWriter first = w.openTable(ITEMS, 1);
            for (long i = 0; i < rows; i++) {
                first.write(new Object[] {i, "item " + i});
            }
            TableWriter second = w.openTable(EVERYTHING, 2);
            for (int i = 0; i < 3; i++) {
                second.write(everyValue(i));
            }
            return w.commit(new Manifest(ArchiveFormat.VERSION, "test", Instant.parse("2026-11-23T08:00:00Z"),
                    new Manifest.Source("postgresql", "PostgreSQL", "15", "app", List.of("public")), "one snapshot",
                    List.of(first.finish(), second.finish()), null, null, null));
        }
    }
}
