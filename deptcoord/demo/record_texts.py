"""The words of the demo records (see ``demo.py``): bilingual, as a Vietnamese company writes
them, with English beside the Vietnamese for the foreign partners."""

LAUNCH_BRIEF = {
    "title": "Kế hoạch ra mắt SM Home · SM Home launch brief",
    "tags": ["launch", "sm home", "brief"],
    "body": """**Ngày ra mắt / Launch day: {launch}**

## Mục tiêu / Goals
- 20.000 loa SM Home bán ra trong quý đầu. *20,000 speakers sold in the first quarter.*
- 35 % khách hàng biết đến thương hiệu ở Hà Nội và TP.HCM. *35 % brand awareness in the two cities.*

## Thông điệp chính / Key message
> "Ngôi nhà biết lắng nghe" — *The home that listens.*

## Kênh / Channels
| Kênh / Channel | Phụ trách / Owner | Ngân sách / Budget |
|---|---|---|
| Facebook, TikTok | Nhóm Marketing số | 450.000.000 ₫ |
| Chuỗi bán lẻ / Retail chains | Phòng Kinh doanh | 300.000.000 ₫ |
| PR, KOL | Nhóm Thương hiệu | 250.000.000 ₫ |

## Mốc / Milestones
1. Chốt thông điệp và key visual — *message and key visual signed off*.
2. Đặt lịch KOL và báo chí — *KOLs and press booked*.
3. Sự kiện ra mắt tại TP.HCM — *launch event in Ho Chi Minh City*.
""",
}

COMMUNICATION_PLAN = {
    "title": "Kế hoạch truyền thông tháng ra mắt · Launch month communication plan",
    "tags": ["launch", "social media", "pr"],
    "body": """Tuần 1: teaser trên Facebook và TikTok, đếm ngược đến {launch}.
*Week 1: teasers on Facebook and TikTok, counting down to {launch}.*

Tuần 2: 12 KOL công nghệ đăng bài đánh giá; thông cáo báo chí gửi 30 đầu báo.
*Week 2: 12 tech KOLs publish reviews; press release to 30 outlets.*

Tuần 3–4: quảng cáo chuyển đổi, ưu đãi đặt trước tặng kèm bóng đèn thông minh.
*Weeks 3–4: conversion ads; pre-orders get a free smart bulb.*
""",
}

PRICING_DECISION = {
    "title": "Quyết định giá bán lẻ SM Home · SM Home pricing decision",
    "tags": ["pricing", "decision", "sm home"],
    "body": """Cuộc họp ra mắt ngày {decided:%d/%m/%Y} đã quyết định:
*The launch meeting on {decided:%d/%m/%Y} decided:*

- Giá bán lẻ đề xuất **1.990.000 ₫** (đã gồm VAT). *Recommended retail price 1,990,000 ₫ incl. VAT.*
- Chiết khấu đại lý cấp 1: 18 %, cấp 2: 12 %. *Dealer discount: tier 1 18 %, tier 2 12 %.*
- Không giảm giá trong 60 ngày đầu sau {launch}. *No discounts in the first 60 days.*
- Phòng Kinh doanh gửi bảng giá cho đại lý trước ngày ra mắt 2 tuần.
  *Sales sends the price list to dealers two weeks before launch.*
""",
}

FAQ = {
    "title": "Câu hỏi thường gặp về SM Home · SM Home FAQ for customer care",
    "tags": ["faq", "hotline", "sm home"],
    "body": """**Loa có hiểu tiếng Việt các vùng miền không?** Có: giọng Bắc, Trung, Nam.
*Does it understand regional Vietnamese accents? Yes: northern, central and southern.*

**Bảo hành bao lâu?** 24 tháng, đổi mới trong 30 ngày đầu nếu lỗi nhà sản xuất.
*Warranty? 24 months; replaced within 30 days for manufacturing faults.*

**Kết nối với thiết bị nào?** Wi-Fi 2,4 GHz, bóng đèn, ổ cắm và camera chuẩn Matter.
*What does it connect to? 2.4 GHz Wi-Fi, Matter bulbs, plugs and cameras.*

**Khách hàng báo loa không nhận lệnh?** Hướng dẫn khởi động lại, kiểm tra micro, rồi tạo phiếu hỗ trợ.
*Speaker not responding? Restart, check the microphone, then open a ticket.*
""",
}

TICKET_PLAYBOOK = {
    "title": "Quy trình xử lý phiếu hỗ trợ trong tuần ra mắt · Launch-week ticket playbook",
    "tags": ["hotline", "tickets"],
    "body": """- Trả lời mọi phiếu trong 24 giờ (tiêu chuẩn của phòng ≥ 95 %).
  *Answer every ticket within 24 hours (department standard ≥ 95 %).*
- Lỗi phần cứng: chuyển Phòng Sản phẩm kèm số serial.
  *Hardware faults: pass to Product with the serial number.*
- Khiếu nại về giá: áp dụng theo quyết định giá bán lẻ, không tự giảm giá.
  *Price complaints: follow the pricing decision; no ad-hoc discounts.*
""",
}

READINESS = {
    "title": "Danh sách kiểm tra sẵn sàng ra mắt · Launch readiness checklist",
    "tags": ["launch", "quality"],
    "body": """- [x] Chứng nhận an toàn hợp chuẩn / *safety certification*
- [x] Firmware 1.2 đạt thử nghiệm với 200 người dùng / *firmware 1.2 passed the 200-user beta*
- [ ] Sản xuất hàng loạt 25.000 máy / *mass production of 25,000 units*
- [ ] Hướng dẫn sử dụng tiếng Việt in xong / *Vietnamese manual printed*

Hạn chót sản xuất: 10 ngày trước {launch}. *Production deadline: 10 days before launch.*
""",
}

SUPPLIER_REVIEW = {
    "title": "Đánh giá nhà cung cấp linh kiện · Component supplier review",
    "tags": ["suppliers"],
    "body": """Chỉ dành cho trưởng phòng và điều phối viên.
*For the head and coordinator only.*

Nhà cung cấp micro giao trễ 2 lần trong quý; đề xuất tìm nhà cung cấp dự phòng.
*The microphone supplier was late twice this quarter; we propose a second source.*
""",
}

DEALER_PRICES = """Sản phẩm / Product,Giá bán lẻ / Retail (₫),Đại lý cấp 1 / Tier 1 (₫),Đại lý cấp 2 / Tier 2 (₫)
Loa SM Home,1990000,1631800,1751200
Bộ SM Home + bóng đèn thông minh / bundle with smart bulb,2290000,1877800,2015200
"""

FAQ_TEXT = """CÂU HỎI THƯỜNG GẶP VỀ SM HOME / SM HOME FAQ

1. Loa có hiểu tiếng Việt các vùng miền không? Có.
   Does it understand regional accents? Yes.
2. Bảo hành: 24 tháng. Warranty: 24 months.
3. Đổi mới trong 30 ngày nếu lỗi nhà sản xuất. Replaced within 30 days for manufacturing faults.
4. Tổng đài: 1900 6868 (8:00–21:00). Hotline: 1900 6868 (8 am–9 pm).
"""

BRIEF_HTML = """<html><head><meta charset="utf-8"><style>
body {{ font-family: sans-serif; font-size: 11pt; }} h1 {{ color: #0d6efd; }}
</style></head><body>
<h1>SM Home — Kế hoạch ra mắt / Launch brief</h1>
<p>Ngày ra mắt / Launch day: {launch:%d/%m/%Y}</p>
<p>Thông điệp: "Ngôi nhà biết lắng nghe" — The home that listens.</p>
<p>Mục tiêu: 20.000 loa trong quý đầu; 35 % nhận biết thương hiệu.
Goals: 20,000 speakers in the first quarter; 35 % brand awareness.</p>
<p>Giá bán lẻ đề xuất / Recommended retail price: 1.990.000 ₫</p>
</body></html>
"""
