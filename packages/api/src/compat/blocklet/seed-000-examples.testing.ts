/*
 * Seed 000's example responses (the external seed document of Blocklet Server's Data &
 * Operations queries), copied verbatim: do not reformat them. getAuditLogs' is cut
 * off in the seed after `"page": 1` ("See all 2 lines"); its two closing braces are restored.
 */

export const GET_BLOCKLET_BACKUPS = JSON.parse(`{
"code": "ok",
"backups": [
{
"appPid": "z8ia22V5CfqF2e4sAFc9a2B9z9mC6a8x461sC",
"userDid": "z1...",
"strategy": 1,
"sourceUrl": "/path/to/backup",
"target": "disk",
"targetName": "Local Disk",
"targetUrl": "/path/to/backup/target",
"createdAt": 1678886400,
"updatedAt": 1678886400,
"status": 1,
"message": "Backup completed successfully",
"progress": 100,
"metadata": {}
}
]
}`) as unknown;

export const GET_BLOCKLET_BACKUP_SUMMARY = JSON.parse(`{
"code": "ok",
"summary": [
{
"date": "2023-03-15",
"successCount": 5,
"errorCount": 1
}
]
}`) as unknown;

export const GET_AUDIT_LOGS = JSON.parse(`{
"code": "ok",
"list": [
{
"id": "...",
"scope": "node",
"category": "user",
"action": "login",
"content": "User z1... logged in",
"actor": {
"did": "z1...",
"role": "owner",
"fullName": "Alice"
},
"env": {},
"createdAt": 1678886400,
"ip": "127.0.0.1",
"ua": "Mozilla/5.0..."
}
],
"paging": {
"total": 1,
"pageSize": 10,
"pageCount": 1,
"page": 1
}
}`) as unknown;

export const GET_PASSPORT_LOGS = JSON.parse(`{
"passportLogs": [
{
"id": 1,
"passportId": "zpassport_...",
"action": "issued",
"operatorIp": "127.0.0.1",
"operatorUa": "Mozilla/5.0...",
"operatorDid": "z1...",
"metadata": {},
"createdAt": 1678886400
}
],
"paging": {
"total": 1,
"pageSize": 10,
"pageCount": 1,
"page": 1
}
}`) as unknown;

export const GET_TRAFFIC_INSIGHTS = JSON.parse(`{
"code": "ok",
"list": [
{
"did": "z8ia22V5CfqF2e4sAFc9a2B9z9mC6a8x461sC",
"date": "2023-01-15",
"totalRequests": 1500,
"uniqueVisitors": 200,
"bandwidth": 512000000
}
],
"paging": {
"total": 1,
"pageSize": 10,
"pageCount": 1,
"page": 1
}
}`) as unknown;
