from build import Doc
d = Doc('p02', 'Điện Bàn: Chuyển biến từ mô hình "một cửa liên thông hiện đại"', None, ['Vĩnh Lộc', 'Minh Tuấn'])
P = 'Tỉnh Quảng Nam'
d.locs = {
 'QN': ('tỉnh', 'province', 'Quảng Nam', 'Tỉnh Quảng Nam', None),
 'DB': ('thị xã', 'district', 'Điện Bàn', 'Thị xã Điện Bàn', P),
 'VD': ('phường', 'commune', 'Vĩnh Điện', 'Phường Vĩnh Điện', P),
 'DA': ('phường', 'commune', 'Điện An', 'Phường Điện An', P),
 'DN': ('phường', 'commune', 'Điện Ngọc', 'Phường Điện Ngọc', P),
}
DB = 'Thị xã Điện Bàn'
d.LOC = DB
d.L('Điện Bàn', 'DB')
d.D('22/11', 'XXXX-11-22', 'day')
d.L('thị xã Điện Bàn', 'DB')
d.D('10 tháng năm 2016', '2016-01/2016-10', 'interval')
d.O('Trần Văn Lâm', 'Trần Văn Lâm', 'ông', ['Phó Chủ tịch UBND tỉnh Quảng Nam', 'Trưởng ban Chỉ đạo cải cách hành chính tỉnh'])
d.L('tỉnh Quảng Nam', 'QN')
# para 2
d.L('TX. Điện Bàn', 'DB')
d.D('10 tháng năm 2016', '2016-01/2016-10', 'interval')
d.P = '2016-01/2016-10'
d.F('8.215', 'dossier_count', 8215, 'hồ sơ', 'received')
d.F('8.430', 'dossier_count', 8430, 'hồ sơ', 'resolved')
d.F('8.102', 'dossier_count', 8102, 'hồ sơ', 'on_time')
d.F('96,1%', 'percentage', 96.1, metric='on_time_rate')
d.F('328', 'dossier_count', 328, 'hồ sơ', 'late')
d.F('21.560', 'dossier_count', 21560, 'hồ sơ', 'received', tier='commune')
d.F('21.322', 'dossier_count', 21322, 'hồ sơ', 'on_time', tier='commune')
d.L('TX. Điện Bàn', 'DB')  # caption
# para 3 (no date)
d.P = None
d.F('52', 'quantity', 52, 'dịch vụ công trực tuyến', sl=[3, 4])
d.SL('3 và 4', [3, 4])
d.F('100%', 'percentage', 100.0, ctx='100% văn bản')
d.F('97,35%', 'percentage', 97.35, metric='satisfaction_rate')
d.F('3.8%', 'percentage', 3.8, metric='online_rate')
d.F('10%', 'percentage', 10.0, metric='online_rate', target=True)
# para 4
d.L('phường Vĩnh Điện', 'VD')
d.L('Điện An', 'DA')
d.L('Điện Ngọc', 'DN')
d.O('Nguyễn Thị Kim Oanh', 'Nguyễn Thị Kim Oanh', 'bà', ['công chức Tư pháp - Hộ tịch phường Vĩnh Điện'])
d.L('phường Vĩnh Điện', 'VD')
d.LOC = 'Phường Vĩnh Điện'
d.F('40', 'dossier_count', 40, 'hồ sơ', 'received', q='approx')
d.F('1', 'quantity', 1, 'ngày làm việc', q='lt', ctx='không quá 1 ngày')
# para 5
d.LOC = DB
d.O('Trần Văn Lâm', 'Trần Văn Lâm', None, ['Phó Chủ tịch UBND tỉnh'])
d.L('Điện Bàn', 'DB')
d.O('Lâm', 'Trần Văn Lâm', 'ông', [], ctx='Ông Lâm')
d.D('năm 2017', '2017', 'year')
d.P = '2017'
d.F('100%', 'percentage', 100.0, tier='commune', target=True, ctx='100% phường')
d.F('20%', 'percentage', 20.0, metric='online_rate', q='gt', target=True)
d.F('95%', 'percentage', 95.0, metric='satisfaction_rate', q='gt', target=True)
# para 6
d.L('thị xã Điện Bàn', 'DB')
d.O('Phan Văn Hùng', 'Phan Văn Hùng', None, ['Chủ tịch UBND thị xã Điện Bàn'])
d.P = '2011/2015'
d.F('6', 'quantity', 6, 'tập thể')
d.F('15', 'quantity', 15, 'cá nhân', ctx='15 cá nhân')
d.D('giai đoạn 2011-2015', '2011/2015', 'interval')
d.write()
