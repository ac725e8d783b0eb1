// Shows whether the service is ready, in Vietnamese and English.
const status = document.getElementById('status');
try {
  const response = await fetch('/readyz', { cache: 'no-store' });
  status.textContent = response.ok
    ? 'Hệ thống sẵn sàng / Ready'
    : 'Hệ thống chưa sẵn sàng, vui lòng thử lại sau / Not ready yet, please try again later';
} catch {
  status.textContent = 'Không kết nối được máy chủ / Cannot reach the server';
}
