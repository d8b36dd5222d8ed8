package id.pijat.function;

import id.pijat.chat.ChatMessage;
import id.pijat.model.chat.ChatActivity;
import id.pijat.usecase.ReadMessages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The chat's shapes the client reads (README "Chat"); absent values are left out. */
public final class ChatJson {
  private ChatJson() {}

  public static Map<String, Object> message(ChatMessage message) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", message.id());
    json.put("roomId", message.roomId());
    json.put("messageType", message.messageType());
    put(json, "senderRole", message.senderRole());
    put(json, "senderId", message.senderId());
    json.put("text", message.text());
    put(json, "clientMessageId", message.clientMessageId());
    json.put("createdAt", BookingJson.time(message.createdAt()));
    return json;
  }

  public static Map<String, Object> page(ReadMessages.Page page) {
    Map<String, Object> room = new LinkedHashMap<>();
    room.put("id", page.roomId());
    room.put("status", page.roomClosed() ? "closed" : "active");
    put(room, "closedAt", BookingJson.time(page.closedAt()));
    put(room, "closesAt", BookingJson.time(page.closesAt()));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("room", room);
    json.put("session", session(page.activity(), page.sessionStatus()));
    List<Map<String, Object>> messages = page.messages().stream().map(ChatJson::message).toList();
    json.put("messages", messages);
    json.put("next", page.next());
    json.put("more", page.more());
    return json;
  }

  private static Map<String, Object> session(ChatActivity activity, ChatActivity.Status status) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", status.code());
    put(json, "lastActivityAt", BookingJson.time(activity.lastActivityAt()));
    json.put("customerWrote", activity.customerWrote());
    json.put("therapistWrote", activity.therapistWrote());
    json.put("activeBlocks", activity.activeBlocks());
    return json;
  }

  private static void put(Map<String, Object> json, String name, Object value) {
    if (value != null) {
      json.put(name, value);
    }
  }
}
