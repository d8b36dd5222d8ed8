package id.pijat.local;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import id.pijat.local.project.AppwriteProject;
import id.pijat.local.project.AppwriteProject.CollectionAccess;
import id.pijat.local.store.ClientQuery;
import id.pijat.local.store.H2DocumentStore;
import id.pijat.local.store.Reader;
import id.pijat.local.store.StoredDocument;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reads of Appwrite 1.6's Databases API that a client makes: get a document and list documents
 * with queries, answered in Appwrite's shapes. Who reads what is decided as Appwrite decides it: a
 * server key reads everything; a role in the collection's permissions reads every document; with
 * document security on, a document is read by the roles its read permissions name, and to anyone
 * else it does not exist (get answers document_not_found, list leaves it out of the page and total).
 */
final class DatabasesEndpoint implements HttpHandler {
  private static final Pattern DOCUMENTS = Pattern.compile("/v1/databases/([^/]+)/collections/([^/]+)/documents/?");
  private static final Pattern DOCUMENT = Pattern.compile("/v1/databases/([^/]+)/collections/([^/]+)/documents/([^/]+)/?");

  private final AppwriteProject project;
  private final H2DocumentStore store;
  private final ProjectCheck projectCheck;
  private final LocalAuth auth;
  private final Cors cors;
  private final PrintStream log;

  DatabasesEndpoint(AppwriteProject project, H2DocumentStore store, ProjectCheck projectCheck, LocalAuth auth, Cors cors,
      PrintStream log) {
    this.project = project;
    this.store = store;
    this.projectCheck = projectCheck;
    this.auth = auth;
    this.cors = cors;
    this.log = log;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      cors.answer(exchange.getRequestHeaders().getFirst("Origin"), exchange.getResponseHeaders());
      if ("OPTIONS".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(204, -1);
        return;
      }
      String path = exchange.getRequestURI().getPath();
      try {
        route(exchange, path);
      } catch (AppwriteError refused) {
        log.println(exchange.getRequestMethod() + " " + path + " " + refused.status() + " " + refused.type());
        ExecutionsEndpoint.refuse(exchange, refused);
      } catch (RuntimeException defect) {
        log.println(exchange.getRequestMethod() + " " + path + " 500 " + defect);
        ExecutionsEndpoint.refuse(exchange, new AppwriteError(500, "general_unknown", "Server Error"));
      }
    }
  }

  private void route(HttpExchange exchange, String path) throws IOException {
    Matcher one = DOCUMENT.matcher(path);
    Matcher many = DOCUMENTS.matcher(path);
    if (!"GET".equals(exchange.getRequestMethod()) || !(one.matches() || many.matches())) {
      throw AppwriteError.routeNotFound();
    }
    projectCheck.require(exchange);
    Matcher matched = one.matches() ? one : many;
    LocalAuth.Identity caller = auth.identify(exchange);
    String databaseId = matched.group(1);
    String collectionId = matched.group(2);
    Reader reader = reader(caller, databaseId, collectionId);
    List<ClientQuery> queries = queries(exchange.getRequestURI().getRawQuery());
    String who = caller.describe();
    if (one.matches()) {
      String documentId = one.group(3);
      queries.stream().filter(query -> !"select".equals(query.method())).findFirst().ifPresent(query -> {
        // getDocument takes select queries only, as Appwrite's validator for it
        throw new AppwriteError(400, "general_query_invalid", "Invalid query: Invalid query method: " + query.method());
      });
      List<ClientQuery> byId = new ArrayList<>(queries);
      byId.add(new ClientQuery("equal", "$id", List.of(documentId)));
      StoredDocument document = page(collectionId, byId, reader).documents().stream().findFirst()
          .orElseThrow(() -> new AppwriteError(404, "document_not_found", "Document with the requested ID could not be found."));
      log.println("GET " + collectionId + "/" + documentId + " 200 " + who);
      ExecutionsEndpoint.send(exchange, 200, json(databaseId, collectionId, document));
      return;
    }
    StoredDocument.Page page = page(collectionId, queries, reader);
    List<Map<String, Object>> documents = new ArrayList<>();
    page.documents().forEach(document -> documents.add(json(databaseId, collectionId, document)));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("total", page.total());
    answer.put("documents", documents);
    log.println("GET " + collectionId + " documents 200 " + documents.size() + " of " + page.total() + " " + who);
    ExecutionsEndpoint.send(exchange, 200, answer);
  }

  private StoredDocument.Page page(String collectionId, List<ClientQuery> queries, Reader reader) {
    try {
      return store.page(collectionId, queries, reader);
    } catch (ClientQuery.InvalidQueryException refused) {
      throw new AppwriteError(400, refused.type(), refused.getMessage());
    }
  }

  /** How this caller reads the collection, or why not at all. */
  private Reader reader(LocalAuth.Identity caller, String databaseId, String collectionId) {
    if (!project.databases().contains(databaseId)) {
      throw new AppwriteError(404, "database_not_found", "Database not found");
    }
    CollectionAccess access = project.access().get(collectionId);
    if (access == null || !access.databaseId().equals(databaseId)) {
      throw new AppwriteError(404, "collection_not_found", "Collection with the requested ID could not be found.");
    }
    if (caller.server() || ReadRule.readsWholeCollection(access, caller.roles())) {
      return Reader.everyDocument();
    }
    if (!access.documentSecurity()) {
      throw AppwriteError.unauthorized();
    }
    return Reader.holding(caller.roles());
  }

  private static List<ClientQuery> queries(String rawQuery) {
    List<ClientQuery> queries = new ArrayList<>();
    for (String text : ExecutionsEndpoint.queries(rawQuery)) {
      JsonObject json;
      try {
        json = JsonParser.parseString(text).getAsJsonObject();
      } catch (RuntimeException e) {
        throw new AppwriteError(400, "general_query_invalid", "Invalid query: Syntax error");
      }
      JsonElement method = json.get("method");
      JsonElement attribute = json.get("attribute");
      JsonElement values = json.get("values");
      if (method == null || !method.isJsonPrimitive() || (values != null && !values.isJsonNull() && !values.isJsonArray())
          || (attribute != null && !attribute.isJsonNull() && !attribute.isJsonPrimitive())) {
        throw new AppwriteError(400, "general_query_invalid", "Invalid query: Syntax error");
      }
      String name = attribute == null || attribute.isJsonNull() ? null : attribute.getAsString();
      List<Object> plain = new ArrayList<>();
      if (values != null && values.isJsonArray()) {
        for (JsonElement value : values.getAsJsonArray()) {
          if (value.isJsonObject() || value.isJsonArray()) {
            // a filter compares an attribute with plain values; Appwrite's Filter validator refuses the rest
            throw new AppwriteError(400, "general_query_invalid", "Invalid query: Query value is invalid for attribute \"" + name + "\"");
          }
          plain.add(plain(value));
        }
      }
      queries.add(new ClientQuery(method.getAsString(), name, plain));
    }
    return queries;
  }

  private static Object plain(JsonElement value) {
    if (value.isJsonNull()) {
      return null;
    }
    JsonPrimitive primitive = value.getAsJsonPrimitive();
    if (primitive.isBoolean()) {
      return primitive.getAsBoolean();
    }
    return primitive.isNumber() ? primitive.getAsDouble() : primitive.getAsString();
  }

  static Map<String, Object> json(String databaseId, String collectionId, StoredDocument document) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("$id", document.id());
    json.put("$collectionId", collectionId);
    json.put("$databaseId", databaseId);
    json.put("$createdAt", document.createdAt());
    json.put("$updatedAt", document.updatedAt());
    json.put("$permissions", document.permissions());
    json.putAll(document.data());
    return json;
  }
}
