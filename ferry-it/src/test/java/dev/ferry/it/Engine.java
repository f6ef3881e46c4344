package dev.ferry.it;

import dev.ferry.dialect.mysql.KitchenSink;
import dev.ferry.dialect.postgres.SqlScript;
import dev.ferry.dialect.sqlite.SqliteKitchenSink;
import dev.ferry.ops.testing.ScratchDatabase;
import java.sql.Connection;
import java.sql.SQLException;

/** The engines of the matrix: a scratch database of each, and how to fill it with its kitchen sink. */
enum Engine {
    POSTGRES {
        @Override
        ScratchDatabase scratch() {
            return ScratchDatabase.postgres();
        }

        @Override
        void fill(Connection c) throws SQLException {
            SqlScript.runKitchenSink(c);
        }
    },
    MARIADB {
        @Override
        ScratchDatabase scratch() {
            return ScratchDatabase.mariadb();
        }

        @Override
        void fill(Connection c) throws SQLException {
            KitchenSink.create(c);
        }
    },
    SQLITE {
        @Override
        ScratchDatabase scratch() {
            return ScratchDatabase.sqlite();
        }

        @Override
        void fill(Connection c) throws SQLException {
            SqliteKitchenSink.create(c, 20_000);
        }
    };

    abstract ScratchDatabase scratch();

    /** How this engine spells true in an INSERT. */
    String trueLiteral() {
        return this == POSTGRES ? "true" : "1";
    }

    abstract void fill(Connection c) throws SQLException;
}
