package io.openruntimes.java;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

public class RuntimeResponse {
  private static final Gson gson = new GsonBuilder().serializeNulls().create();

  public RuntimeOutput binary(byte[] bytes, int statusCode, Map<String, String> headers) {
    return new RuntimeOutput(bytes, statusCode, headers);
  }

  public RuntimeOutput binary(byte[] body, int statusCode) {
    return binary(body, statusCode, new HashMap<>());
  }

  public RuntimeOutput binary(byte[] body) {
    return binary(body, 200, new HashMap<>());
  }

  public RuntimeOutput send(String body, int statusCode, Map<String, String> headers) {
    return text(body, statusCode, headers);
  }

  public RuntimeOutput send(String body, int statusCode) {
    return send(body, statusCode, new HashMap<>());
  }

  public RuntimeOutput send(String body) {
    return send(body, 200, new HashMap<>());
  }

  public RuntimeOutput text(String body, int statusCode, Map<String, String> headers) {
    return binary(body.getBytes(StandardCharsets.UTF_8), statusCode, headers);
  }

  public RuntimeOutput text(String body, int statusCode) {
    return text(body, statusCode, new HashMap<>());
  }

  public RuntimeOutput text(String body) {
    return text(body, 200, new HashMap<>());
  }

  public RuntimeOutput json(Map<String, Object> json, int statusCode, Map<String, String> headers) {
    headers.put("content-type", "application/json");
    return text(gson.toJson(json), statusCode, headers);
  }

  public RuntimeOutput json(Map<String, Object> json, int statusCode) {
    return json(json, statusCode, new HashMap<>());
  }

  public RuntimeOutput json(Map<String, Object> json) {
    return json(json, 200, new HashMap<>());
  }

  public RuntimeOutput empty() {
    return text("", 204, new HashMap<>());
  }

  public RuntimeOutput redirect(String url, int statusCode, Map<String, String> headers) {
    headers.put("location", url);
    return text("", statusCode, headers);
  }

  public RuntimeOutput redirect(String url, int statusCode) {
    return redirect(url, statusCode, new HashMap<>());
  }

  public RuntimeOutput redirect(String url) {
    return redirect(url, 301, new HashMap<>());
  }
}
