package org.haochaping.satisfaction.rollup;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;

import com.mongodb.client.MongoClient;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.UpdateResult;

/**
 * A template whose N-th write fails: before it reaches the store, after it changed the store (the
 * answer is lost), or, for a bulk write, after part of it. Also used by the bad-review books' tests.
 */
public final class FailingMongoTemplate extends MongoTemplate {

    /** How the failing write fails. */
    public enum Failure { BEFORE, AFTER, PARTWAY }

    private int writes;
    private int failAt = -1;
    private Failure failure = Failure.BEFORE;

    public FailingMongoTemplate(MongoClient client, String database) {
        super(client, database);
    }

    public void failWrite(int n, Failure how) {
        writes = 0;
        failAt = n;
        failure = how;
    }

    public void stopFailing() {
        failAt = -1;
    }

    public int writes() {
        return writes;
    }

    private <T> T write(java.util.function.Supplier<T> write) {
        writes++;
        if (writes != failAt) {
            return write.get();
        }
        if (failure == Failure.BEFORE) {
            throw injected();
        }
        write.get(); // PARTWAY of a single write is all of it
        throw injected();
    }

    private static DataAccessResourceFailureException injected() {
        return new DataAccessResourceFailureException("injected store failure");
    }

    @Override
    public <T> T insert(T object, String collection) {
        return write(() -> super.insert(object, collection));
    }

    @Override
    public UpdateResult updateFirst(Query query, UpdateDefinition update, String collection) {
        return write(() -> super.updateFirst(query, update, collection));
    }

    @Override
    public UpdateResult upsert(Query query, UpdateDefinition update, String collection) {
        return write(() -> super.upsert(query, update, collection));
    }

    @Override
    public DeleteResult remove(Query query, String collection) {
        return write(() -> super.remove(query, collection));
    }

    @Override
    public <T> T findAndModify(Query query, UpdateDefinition update, FindAndModifyOptions options, Class<T> type,
            String collection) {
        return write(() -> super.findAndModify(query, update, options, type, collection));
    }

    /** A bulk that records its operations and sends them, all or the first half, when executed. */
    @Override
    public BulkOperations bulkOps(BulkOperations.BulkMode mode, String collection) {
        List<Object[]> recorded = new ArrayList<>();
        List<Method> methods = new ArrayList<>();
        return (BulkOperations) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BulkOperations.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("execute")) {
                        methods.add(method);
                        recorded.add(args);
                        return proxy;
                    }
                    writes++;
                    boolean failing = writes == failAt;
                    if (failing && failure == Failure.BEFORE) {
                        throw injected();
                    }
                    int sent = failing && failure == Failure.PARTWAY ? methods.size() / 2 : methods.size();
                    BulkOperations real = super.bulkOps(mode, collection);
                    for (int i = 0; i < sent; i++) {
                        invoke(methods.get(i), real, recorded.get(i));
                    }
                    Object result = sent == 0 ? null : real.execute();
                    if (failing) {
                        throw injected();
                    }
                    return result;
                });
    }

    private static void invoke(Method method, Object target, Object[] args) {
        try {
            method.invoke(target, args);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
